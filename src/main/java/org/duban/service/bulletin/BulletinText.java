package org.duban.service.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.duban.model.BulletinTotals;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.service.handout.HandoutText;
import org.duban.service.stats.DepartmentRank;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.UnitRank;
import org.duban.service.stats.UnitStats;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskTracking;

/**
 * The wording of a bulletin, in the official tone of a 通报 ("截至2026年11月29日，全市……"). Always simplified
 * Chinese ({@code bulletin.doc.*} keys of the Chinese bundle), whatever language the window uses. Staff edit the
 * Word file before it goes out, so the text says only what the figures say.
 */
public final class BulletinText {
    /** Longest problem text quoted in a list before it is cut with "……". */
    static final int PROBLEM_CHARS = 48;

    private BulletinText() {
    }

    public static String tr(String key, Object... args) {
        return HandoutText.tr(key, args);
    }

    /** 2026年11月29日 */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 72.5% */
    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** The rank change as a table prints it: ↑2, ↓1, 持平, or 新列入 for a unit not ranked before; empty for the first issue. */
    public static String change(Ranking ranking, UnitRank r) {
        if (ranking.since() == null) {
            return "";
        }
        Integer c = r.change();
        if (c == null) {
            return tr("bulletin.doc.change.new");
        }
        return c > 0 ? "↑" + c : c < 0 ? "↓" + (-c) : tr("bulletin.doc.change.same");
    }

    /** The whole document; {@code chart} is the ranking chart (null: none). */
    public static BulletinDocument document(Bulletin b, Picture chart, double chartWidthToHeight) {
        List<BulletinDocument.Block> blocks = new ArrayList<>();
        String head = tr("bulletin.doc.title.head", b.city());
        String tail = tr("bulletin.doc.title.tail");
        String title = head + tail;
        String day = date(b.asOf());
        blocks.add(new BulletinDocument.Title(head + "\n" + tail));
        blocks.add(new BulletinDocument.Centered(numberLine(b)));
        blocks.add(new BulletinDocument.Masthead(b.issuer(), day));
        blocks.add(new BulletinDocument.Rule());
        BulletinTotals t = b.totals();
        blocks.add(new BulletinDocument.Paragraph(b.meetingLine().isEmpty()
                ? tr("bulletin.doc.opening", day, t.tasks(), t.assignments())
                : tr("bulletin.doc.openingMeeting", day, b.meetingLine(), t.tasks(), t.assignments())));

        blocks.add(new BulletinDocument.Heading(tr("bulletin.doc.h.overall")));
        blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.overall", t.tasks(), t.completedTasks(),
                t.completedAssignments(), percent(t.completionRate()), t.closedAssignments(), t.overdueAssignments(),
                t.overdueTasks(), t.supervisedTasks()) + comparison(b, t)));

        blocks.add(new BulletinDocument.Heading(tr("bulletin.doc.h.ranking")));
        Ranking counties = b.counties();
        blocks.add(new BulletinDocument.Paragraph(counties.since() == null ? tr("bulletin.doc.ranking.first")
                : tr("bulletin.doc.ranking", date(counties.since()))));
        blocks.add(rankingTable(b, counties));
        if (chart != null && !counties.rows().isEmpty()) {
            blocks.add(new BulletinDocument.Figure(chart, chartWidthToHeight, tr("bulletin.doc.figure")));
        }
        if (!b.departmentRanks().isEmpty()) {
            blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.departments")));
            blocks.add(departmentTable(b));
        }

        blocks.add(new BulletinDocument.Heading(tr("bulletin.doc.h.lagging")));
        blocks.add(new BulletinDocument.Paragraph(lagging(b)));

        blocks.add(new BulletinDocument.Heading(tr("bulletin.doc.h.overdue")));
        if (b.overdue().isEmpty()) {
            blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.overdue.none", day)));
        } else {
            blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.overdue.intro", day, b.overdue().size(),
                    t.overdueAssignments())));
            int i = 1;
            for (TaskTracking task : b.overdue()) {
                String units = task.states().stream().filter(AssignmentState::overdue).map(s -> name(b, s.unitId()))
                        .collect(Collectors.joining("、"));
                blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.overdue.item", i++, task.task().seq(),
                        clip(task.task().problem()), task.task().deadline().phrase(), units, led(b, task))));
            }
        }

        blocks.add(new BulletinDocument.Heading(tr("bulletin.doc.h.supervised")));
        if (b.supervised().isEmpty()) {
            blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.supervised.none")));
        } else {
            blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.supervised.intro", b.supervised().size())));
            int i = 1;
            for (TaskTracking task : b.supervised()) {
                blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.supervised.item", i++, task.task().seq(),
                        clip(task.task().problem()), task.supervision().leader(), supervisedState(b, task),
                        led(b, task))));
            }
        }

        if (b.scores() != null) {
            blocks.addAll(scoreSection(b.scores()));
        }
        blocks.add(new BulletinDocument.Heading(tr(b.scores() == null ? "bulletin.doc.h.next"
                : "bulletin.doc.h.nextAfterScore")));
        blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.next")));
        blocks.add(new BulletinDocument.Signature(List.of(b.issuer(), day)));
        if (b.auditHead() != null) {
            blocks.add(new BulletinDocument.Note(tr("audit.head.label", b.auditHead().shortHash(),
                    b.auditHead().row())));
        }
        return new BulletinDocument(title + "（" + (b.isDraft() ? tr("bulletin.doc.draft")
                : tr("bulletin.doc.number", b.number())) + "）", blocks);
    }

    /** 第3期, or for a draft 第　　期（草稿）: the number is filled in when the bulletin is issued. */
    public static String numberLine(Bulletin b) {
        return b.isDraft() ? tr("bulletin.doc.draftNumber") : tr("bulletin.doc.number", b.number());
    }

    /** The header of a ranking table. */
    public static List<String> tableHeader() {
        return List.of(tr("bulletin.doc.col.rank"), tr("bulletin.doc.col.unit"), tr("bulletin.doc.col.assignments"),
                tr("bulletin.doc.col.completed"), tr("bulletin.doc.col.closed"), tr("bulletin.doc.col.overdue"),
                tr("bulletin.doc.col.rate"), tr("bulletin.doc.col.change"));
    }

    private static BulletinDocument.Table rankingTable(Bulletin b, Ranking ranking) {
        List<List<String>> rows = new ArrayList<>();
        for (UnitRank r : ranking.rows()) {
            UnitStats s = b.unitStats(r.unit().id()).orElseThrow();
            rows.add(List.of(String.valueOf(r.rank()), r.unit().name(), String.valueOf(r.assignments()),
                    String.valueOf(r.completed()), String.valueOf(s.count(TaskStatus.CLOSED)),
                    String.valueOf(s.overdue()), percent(r.rate()), change(ranking, r)));
        }
        return new BulletinDocument.Table(tableHeader(), List.of(30.0, 105.0, 42.0, 42.0, 42.0, 32.0, 50.0, 50.0),
                List.of(true, false, true, true, true, true, true, true), rows);
    }

    /** The header of the city departments' table: what they lead and what they carry. */
    public static List<String> departmentHeader() {
        return List.of(tr("bulletin.doc.col.rank"), tr("bulletin.doc.col.unit"), tr("bulletin.doc.col.led"),
                tr("bulletin.doc.col.ledCompleted"), tr("bulletin.doc.col.carried"),
                tr("bulletin.doc.col.carriedCompleted"), tr("bulletin.doc.col.overdue"), tr("bulletin.doc.col.rate"));
    }

    /**
     * The city departments ranked by the tasks they lead (牵头单位) and the shares they carry (责任单位) together; a led
     * task counts as completed when every share of it is. 超期 counts overdue led tasks and overdue carried shares.
     */
    private static BulletinDocument.Table departmentTable(Bulletin b) {
        List<List<String>> rows = new ArrayList<>();
        for (DepartmentRank d : b.departmentRanks()) {
            int carriedOverdue = b.unitStats(d.unit().id()).map(UnitStats::overdue).orElse(0);
            rows.add(List.of(String.valueOf(d.rank()), d.unit().name(), String.valueOf(d.led()),
                    String.valueOf(d.ledCompleted()), String.valueOf(d.carried()), String.valueOf(d.carriedCompleted()),
                    String.valueOf(d.ledOverdue() + carriedOverdue), percent(d.rate())));
        }
        return new BulletinDocument.Table(departmentHeader(), List.of(34.0, 118.0, 48.0, 48.0, 48.0, 48.0, 30.0, 46.0),
                List.of(true, false, true, true, true, true, true, true), rows);
    }

    /** "牵头单位：市水利局；" for a task with a lead unit, else nothing (the list items read as before). */
    private static String led(Bulletin b, TaskTracking t) {
        return t.task().hasLeadUnit() ? tr("bulletin.doc.ledBy", name(b, t.task().leadUnitId())) : "";
    }

    /** 六、考评排名: the period and rule set, then the units ranked by score. */
    private static List<BulletinDocument.Block> scoreSection(ScoreSection s) {
        List<BulletinDocument.Block> blocks = new ArrayList<>();
        blocks.add(new BulletinDocument.Heading(tr("bulletin.doc.h.score")));
        if (s.rows().isEmpty()) {
            blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.score.none", date(s.from()), date(s.asOf()))));
            return blocks;
        }
        blocks.add(new BulletinDocument.Paragraph(tr("bulletin.doc.score.intro", date(s.from()), date(s.asOf()),
                s.ruleSet())));
        List<List<String>> rows = s.rows().stream().map(r -> List.of(String.valueOf(r.rank()), r.unit(), r.added(),
                r.deducted(), r.total())).toList();
        blocks.add(new BulletinDocument.Table(scoreHeader(), List.of(30.0, 150.0, 55.0, 55.0, 55.0),
                List.of(true, false, true, true, true), rows));
        return blocks;
    }

    /** The header of the 考评排名 table. */
    public static List<String> scoreHeader() {
        return List.of(tr("bulletin.doc.col.rank"), tr("bulletin.doc.col.unit"), tr("bulletin.doc.score.col.added"),
                tr("bulletin.doc.score.col.deducted"), tr("bulletin.doc.score.col.total"));
    }

    /** "与上期（…）相比，完成率提高 3.2 个百分点，新增完成 12 项次。", or the first issue's note. */
    private static String comparison(Bulletin b, BulletinTotals now) {
        if (b.previous() == null) {
            return tr("bulletin.doc.firstIssue");
        }
        BulletinTotals before = b.previous().totals();
        String when = date(b.previous().asOf());
        double points = (now.completionRate() - before.completionRate()) * 100;
        String delta = String.format(Locale.ROOT, "%.1f", Math.abs(points));
        int more = now.completedAssignments() - before.completedAssignments();
        if (delta.equals("0.0")) {
            return tr("bulletin.doc.change.totalSame", when, more);
        }
        return tr(points > 0 ? "bulletin.doc.change.totalUp" : "bulletin.doc.change.totalDown", when, delta, more);
    }

    private static String lagging(Bulletin b) {
        LaggingRule rule = b.rule();
        String ruleText = rule.kind() == LaggingRule.Kind.BOTTOM ? tr("bulletin.doc.rule.bottom", rule.count())
                : tr("bulletin.doc.rule.below", rule.percent());
        if (b.lagging().isEmpty()) {
            return tr("bulletin.doc.lagging.none", ruleText);
        }
        String names = b.lagging().stream().map(r -> r.unit().name()).collect(Collectors.joining("、"));
        String rates = b.lagging().stream().map(r -> percent(r.rate())).collect(Collectors.joining("、"));
        return tr("bulletin.doc.lagging", ruleText, names, rates);
    }

    /** "已全部完成" or "未完成：霞浦县（进度95%）"; "督办报告逾期" when a report is owed. */
    private static String supervisedState(Bulletin b, TaskTracking t) {
        String state;
        if (t.status().isCompleted()) {
            state = tr(t.status() == TaskStatus.CLOSED ? "bulletin.doc.supervised.closed" : "bulletin.doc.supervised.done");
        } else {
            String open = t.states().stream().filter(s -> !s.status().isCompleted())
                    .map(s -> tr("bulletin.doc.supervised.unit", name(b, s.unitId()), s.percent()))
                    .collect(Collectors.joining("、"));
            state = tr("bulletin.doc.supervised.open", open);
        }
        return t.supervisionReportOverdue() ? state + tr("bulletin.doc.supervised.reportOverdue") : state;
    }

    private static String name(Bulletin b, long unitId) {
        Unit u = b.units().get(unitId);
        return u == null ? "?" : u.name();
    }

    /** The first {@link #PROBLEM_CHARS} characters of a problem, cut at a clause where possible. */
    static String clip(String problem) {
        String p = problem.strip().replaceAll("\\s+", "");
        if (p.length() <= PROBLEM_CHARS) {
            return p.replaceAll("[。；;]$", "");
        }
        String head = p.substring(0, PROBLEM_CHARS);
        int cut = Math.max(head.lastIndexOf('，'), head.lastIndexOf('；'));
        return (cut > PROBLEM_CHARS / 2 ? head.substring(0, cut) : head) + "……";
    }
}
