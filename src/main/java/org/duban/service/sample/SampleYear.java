package org.duban.service.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.duban.model.Assignment;
import org.duban.model.ReportingCycle;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.model.VerificationLevel;
import org.duban.service.Services;
import org.duban.service.audit.SettableClock;
import org.duban.service.inspections.InspectionService;
import org.duban.service.tracking.CloseOutService;
import org.duban.service.tracking.EvidenceService;
import org.duban.service.tracking.ProgressService;
import org.duban.service.tracking.SupervisionService;

/**
 * The sample's year of follow-up, from the meeting (19 March 2026) to {@link #TODAY}: monthly progress reports,
 * milestones, close-outs with verification, 公示 and evidence, 挂牌督办, two 下沉督察 with findings, a failed
 * verification and a reopened close-out, 举一反三 links. Every step goes through the services a user's actions
 * use, on a clock set to the step's day, in date order, so the audit trail reads like a real year.
 *
 * <p>The course of each assignment is drawn from a random generator seeded by task and unit, so the sample is
 * the same on every machine; a few assignments are set by hand to show particular cases.
 */
final class SampleYear {
    /** The day the sample is meant to be looked at. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final String OPERATOR = "市督办秘书处（示例数据）";
    private static final String PHOTO = "/assets/sample/evidence/整改后现场照片.jpg";
    private static final String ACCEPTANCE = "/assets/sample/evidence/现场验收意见书.pdf";
    /** Leaders of the tasks whose 备注 says 挂牌督办, by 序号; others get the vice mayor in charge. */
    private static final Map<Integer, String> LEADERS = Map.of(1, "市委书记", 2, "市长", 9, "副市长（分管生态环境）",
            17, "市长");
    /** 举一反三 tasks (序号) and the task each was found by analogy to. */
    private static final int[][] ORIGINS = {{35, 1}, {36, 2}, {37, 6}, {38, 7}, {39, 8}, {40, 10}, {41, 14},
        {42, 5}, {43, 11}, {44, 15}, {45, 28}};

    private final SettableClock clock;
    private final Map<Long, Unit> units;
    private final ProgressService progress;
    private final CloseOutService closeOuts;
    private final EvidenceService evidence;
    private final SupervisionService supervision;
    private final InspectionService inspections;
    private final List<Event> events = new ArrayList<>();
    private final byte[] photo = resource(PHOTO);
    private final byte[] acceptance = resource(ACCEPTANCE);

    private record Event(LocalDate day, int order, Runnable action) {
    }

    /** {@code services} run on {@code clock}, which the replay moves from day to day. */
    SampleYear(SettableClock clock, Services services, Map<Long, Unit> units) {
        this.clock = clock;
        this.units = units;
        this.progress = services.progress();
        this.closeOuts = services.closeOuts();
        this.evidence = services.evidence();
        this.supervision = services.supervision();
        this.inspections = services.inspections();
    }

    /** Plans the year for the meeting's tasks, then replays it in date order. */
    void replay(List<Task> tasks, LocalDate issued) {
        Map<Integer, Task> bySeq = new java.util.HashMap<>();
        tasks.forEach(t -> bySeq.put(t.seq(), t));
        for (Task t : tasks) {
            if (t.remarks().contains("挂牌督办")) {
                at(issued, () -> supervision.supervise(t.id(), LEADERS.getOrDefault(t.seq(), "分管副市长"), issued,
                        t.seq() == 9 ? ReportingCycle.HALF_MONTHLY : ReportingCycle.MONTHLY,
                        "每月向督办领导报告整改进展"));
            }
        }
        for (int[] link : ORIGINS) {
            Task t = bySeq.get(link[0]);
            Task origin = bySeq.get(link[1]);
            if (t != null && origin != null) {
                at(issued, () -> supervision.linkOrigin(t.id(), origin.id()));
            }
        }
        for (Task t : tasks) {
            for (Assignment a : t.assignments()) {
                plan(t, a, units.get(a.unitId()), issued);
            }
        }
        planInspections(bySeq);
        events.sort(Comparator.comparing(Event::day).thenComparingInt(Event::order));
        LocalDate day = null;
        int n = 0;
        for (Event e : events) {
            n = e.day().equals(day) ? n + 1 : 0;
            day = e.day();
            // on the meeting's day the follow-up starts after the tasks were entered, so the trail's time runs on
            LocalTime start = day.equals(issued) ? LocalTime.of(14, 0) : LocalTime.of(9, 0);
            clock.set(day, start.plusMinutes(2L * Math.min(n, 240)));
            e.action().run();
        }
    }

    /**
     * Work of a day that comes after that day's reports and close-out steps (a meeting and its bulletin, which
     * count what was in by the end of the day).
     */
    void endOfDay(LocalDate day, Runnable action) {
        if (!day.isAfter(TODAY)) {
            events.add(new Event(day, 1_000_000 + events.size(), action));
        }
    }

    private void at(LocalDate day, Runnable action) {
        if (!day.isAfter(TODAY)) {
            events.add(new Event(day, events.size(), action));
        }
    }

    /** One unit's share: its reports, milestones and close-out, drawn from a generator seeded by task and unit. */
    private void plan(Task t, Assignment a, Unit u, LocalDate issued) {
        Random rnd = new Random(t.seq() * 7919L + u.sortOrder());
        Optional<LocalDate> due = t.deadline().effectiveDueDate(issued);
        boolean ongoing = t.deadline().isOngoing();
        double pace = 0.6 + rnd.nextDouble() * 0.75;
        Integer stallAt = rnd.nextDouble() < 0.18 ? new int[] {55, 65, 75, 85, 90}[rnd.nextInt(5)] : null;
        boolean silent = rnd.nextDouble() < 0.1;
        boolean applies = rnd.nextDouble() < 0.85;
        String special = t.seq() + "/" + u.shortName();
        if (special.equals("13/蕉城") || special.equals("9/霞浦")) {
            stallAt = null;
            silent = false;
            applies = true;
        }
        switch (special) {
            case "13/蕉城" -> pace = 1.3;                       // closed in July, reopened after an inspection
            case "9/霞浦" -> pace = 1.8;                       // verification fails in November
            case "42/福安" -> {                                // never reported: not started, far behind
                return;
            }
            default -> {
            }
        }
        String reporter = u.name() + (u.kind() == UnitKind.CITY_DEPARTMENT ? "办公室" : "整改办");
        List<String> steps = steps(t.measures());
        List<LocalDate> reportDays = reportDays(rnd, issued, due.orElse(null));
        List<int[]> history = new ArrayList<>(); // {epochDay, percent}
        int last = 0;
        LocalDate completedOn = null;
        for (LocalDate d : reportDays) {
            if (silent && d.isAfter(LocalDate.of(2026, 9, 20))) {
                break;
            }
            int pct;
            if (ongoing) {
                pct = (int) Math.min(70 + rnd.nextInt(20), Math.round(pace * 12 * months(issued, d)));
            } else {
                double frac = (double) ChronoUnit.DAYS.between(issued, d)
                        / Math.max(1, ChronoUnit.DAYS.between(issued, due.orElseThrow()));
                pct = (int) Math.round(Math.max(1.0, pace * 100 * Math.min(frac, 3)));
                if (stallAt != null) {
                    pct = Math.min(pct, stallAt);
                }
                if (due.get().equals(issued)) {
                    pct = 100; // 立行立改: done within days
                }
            }
            pct = Math.max(Math.max(pct, last), 5);
            pct = Math.min(pct, 100);
            String text = pct == 100 ? done(t) : pct == last ? stalled(pct, history.size()) : ongoing ? ongoingText(steps, history.size())
                    : progressText(steps, pct);
            int percent = pct;
            boolean complete = pct == 100;
            at(d, () -> progress.addReport(a.id(), new ProgressService.ReportInput(d, String.valueOf(percent), text,
                    reporter), complete ? List.of(new EvidenceService.Upload("整改后现场照片.jpg", photo)) : List.of()));
            history.add(new int[] {(int) d.toEpochDay(), pct});
            last = pct;
            if (complete) {
                completedOn = d;
                break;
            }
        }
        if (!ongoing && due.isPresent() && due.get().isAfter(issued.plusDays(60))) {
            planMilestones(t, a, steps, issued, due.get(), history);
        }
        if (completedOn != null && applies) {
            planCloseOut(t, a, u, rnd, completedOn, special, reporter);
        }
    }

    /** Report days: a few days after each mid-month round, from the month after the meeting. */
    private static List<LocalDate> reportDays(Random rnd, LocalDate issued, LocalDate due) {
        List<LocalDate> days = new ArrayList<>();
        if (due != null && !due.isAfter(issued.plusDays(20))) {
            days.add(issued.plusDays(3 + rnd.nextInt(10))); // 立行立改: done within days
            return days;
        }
        for (YearMonth m = YearMonth.from(issued).plusMonths(1); !m.atDay(1).isAfter(TODAY); m = m.plusMonths(1)) {
            LocalDate d = m.atDay(8 + rnd.nextInt(10));
            if (!d.isAfter(TODAY.minusDays(1))) {
                days.add(d);
            }
        }
        if (rnd.nextDouble() < 0.35) {
            days.add(TODAY.minusDays(2 + rnd.nextInt(4)));
        }
        return days;
    }

    private static long months(LocalDate from, LocalDate to) {
        return Math.max(1, ChronoUnit.MONTHS.between(from, to));
    }

    /** Two or three 节点 taken from the measures, due evenly between issue and deadline (at month ends). */
    private void planMilestones(Task t, Assignment a, List<String> steps, LocalDate issued, LocalDate due,
                                List<int[]> history) {
        int n = Math.min(3, Math.max(2, steps.size()));
        long total = ChronoUnit.DAYS.between(issued, due);
        for (int i = 1; i <= n; i++) {
            String name = i <= steps.size() ? "完成" + clip(steps.get(i - 1), 16) : "完成第" + i + "阶段整改";
            LocalDate msDue = YearMonth.from(issued.plusDays(total * i / (n + 1))).atEndOfMonth();
            int threshold = 100 * i / (n + 1);
            AtomicLong id = new AtomicLong();
            at(issued.plusDays(7), () -> id.set(progress.addMilestone(a.id(), name, msDue).id()));
            history.stream().filter(h -> h[1] >= threshold).findFirst().map(h -> LocalDate.ofEpochDay(h[0]))
                    .ifPresent(done -> at(done, () -> progress.setMilestoneDone(id.get(), done)));
        }
    }

    /** Apply → verify → 公示 → close, each step a little after the last, as far as the year has come. */
    private void planCloseOut(Task t, Assignment a, Unit u, Random rnd, LocalDate completedOn, String special,
                              String reporter) {
        boolean city = u.kind() == UnitKind.CITY_DEPARTMENT || t.remarks().contains("挂牌督办");
        LocalDate applied = completedOn.plusDays(3 + rnd.nextInt(8));
        LocalDate verified = applied.plusDays(10 + rnd.nextInt(15));
        LocalDate noticeFrom = verified.plusDays(1 + rnd.nextInt(3));
        LocalDate noticeTo = noticeFrom.plusDays(6);
        LocalDate closed = noticeTo.plusDays(1 + rnd.nextInt(5));
        if (special.equals("9/霞浦")) {
            applied = LocalDate.of(2026, 10, 20);
            verified = LocalDate.of(2026, 11, 3);
        }
        AtomicLong id = new AtomicLong();
        LocalDate applyDay = applied;
        at(applyDay, () -> id.set(closeOuts.apply(a.id(), applyDay, "已完成全部整改措施，" + clip(t.target(), 40)
                + "，申请验收销号。", List.of(new EvidenceService.Upload("现场验收意见书.pdf", acceptance))).id()));
        VerificationLevel level = city ? VerificationLevel.CITY : VerificationLevel.COUNTY;
        String verifiers = city ? "市生态环境局牵头，市直相关部门联合验收组" : u.name() + "整改验收组";
        LocalDate verifyDay = verified;
        if (special.equals("9/霞浦")) {
            at(verifyDay, () -> closeOuts.verify(id.get(), VerificationLevel.CITY, verifiers, verifyDay, false,
                    "调节池仍高液位运行，渗滤液应急处置设施未完成验收，暂不同意销号"));
            LocalDate again = LocalDate.of(2026, 11, 12);
            at(again, () -> progress.addReport(a.id(), new ProgressService.ReportInput(again, "95",
                    "按验收意见整改：新增应急处理设备已安装调试，调节池液位逐步下降。", reporter), List.of()));
            return;
        }
        at(verifyDay, () -> closeOuts.verify(id.get(), level, verifiers, verifyDay, true, "同意通过验收"));
        at(noticeFrom, () -> closeOuts.startNotice(id.get(), noticeFrom, noticeTo));
        at(closed, () -> closeOuts.close(id.get(), closed));
        if (special.equals("13/蕉城")) {
            LocalDate reopened = LocalDate.of(2026, 10, 20);
            at(reopened, () -> closeOuts.reopen(id.get(), reopened, "2026年10月15日下沉督察发现城南片区在建工地裸土未覆盖、"
                    + "渣土车未密闭运输，扬尘管控出现反弹，重新整改"));
            LocalDate r = LocalDate.of(2026, 11, 10);
            at(r, () -> progress.addReport(a.id(), new ProgressService.ReportInput(r, "85",
                    "对督察反馈的两处工地停工整改，渣土车全部加装密闭装置，正在开展全区工地“回头看”。", reporter), List.of()));
        }
    }

    /** Two 下沉督察: one finding links to an existing task, one to a task it reopened, one is left open. */
    private void planInspections(Map<Integer, Task> bySeq) {
        Unit fuan = unit("福安市");
        Unit jiaocheng = unit("蕉城区");
        Unit dongqiao = unit("东侨经济技术开发区");
        LocalDate first = LocalDate.of(2026, 8, 20);
        at(first, () -> {
            var in = inspections.record(first, "市委督查室、市生态环境局联合督察组", List.of(fuan.id()),
                    "暗访湾坞片区冶炼企业和沿海岸段");
            var f = inspections.addFinding(in.id(), fuan.id(),
                    "湾坞片区一不锈钢企业原料堆场防尘网破损，厂区道路积尘明显，洒水降尘不到位。");
            Task t = bySeq.get(24);
            if (t != null) {
                inspections.linkToTask(f.id(), t.id());
            }
        });
        LocalDate second = LocalDate.of(2026, 10, 15);
        at(second, () -> {
            var in = inspections.record(second, "市委督查室、市住房和城乡建设局、市生态环境局联合督察组",
                    List.of(jiaocheng.id(), dongqiao.id()), "随机抽查在建工地和园区企业雨水排口");
            var f = inspections.addFinding(in.id(), jiaocheng.id(),
                    "城南片区两处在建工地裸土未覆盖、渣土车未密闭运输，扬尘管控出现反弹。");
            Task t = bySeq.get(13);
            if (t != null) {
                inspections.linkToTask(f.id(), t.id());
            }
            inspections.addFinding(in.id(), dongqiao.id(),
                    "园区一锂电材料企业雨水排口检出含镍废水，疑似雨污混排，需立即溯源整改。");
        });
    }

    private Unit unit(String name) {
        return units.values().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> steps(String measures) {
        return Arrays.stream(measures.split("\\d+[.．、]"))
                .map(s -> s.strip().replaceAll("[；;。]+$", ""))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String progressText(List<String> steps, int pct) {
        if (steps.isEmpty()) {
            return "按计划推进整改，完成进度约 " + pct + "%。";
        }
        int k = Math.min(steps.size() - 1, pct * steps.size() / 100);
        StringBuilder sb = new StringBuilder();
        if (k > 0) {
            sb.append("已完成：").append(clip(steps.get(k - 1), 30)).append("。");
        }
        return sb.append("正在推进：").append(clip(steps.get(k), 30)).append("，完成进度约 ").append(pct).append("%。")
                .toString();
    }

    private static String ongoingText(List<String> steps, int n) {
        String step = steps.isEmpty() ? "常态化巡查" : clip(steps.get(n % steps.size()), 30);
        return "持续推进：" + step + "。本月巡查发现的问题已交办属地整改。";
    }

    private static final String[] STALLS = {"受资金到位影响", "受征地协调影响", "受汛期施工条件影响",
        "受设备采购周期影响", "受第三方运维单位变更影响"};

    private static String stalled(int pct, int n) {
        return STALLS[n % STALLS.length] + "，本月进展不大，完成进度仍为 " + pct + "%，已制定赶进度措施。";
    }

    private static String done(Task t) {
        return "各项整改措施已落实到位：" + clip(t.target(), 40) + "。申请组织验收。";
    }

    private static String clip(String s, int max) {
        String first = s.split("[，；;。]")[0].strip();
        return first.length() <= max ? first : first.substring(0, max) + "…";
    }

    private static byte[] resource(String name) {
        try (InputStream in = SampleYear.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
