package org.duban.service.dossier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Translator;
import org.duban.model.Assignment;
import org.duban.model.AuditEntry;
import org.duban.model.CloseOut;
import org.duban.model.Evidence;
import org.duban.model.Meeting;
import org.duban.model.Milestone;
import org.duban.model.Notice;
import org.duban.model.ProgressReport;
import org.duban.model.Supervision;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.persistence.AuditChain;
import org.duban.persistence.EvidenceRepository;
import org.duban.persistence.Repositories;
import org.duban.service.audit.AuditText;
import org.duban.service.bulletin.BulletinDocument;
import org.duban.service.bulletin.BulletinPdfWriter;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.handout.HandoutText;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.EvidenceService;
import org.duban.service.tracking.TaskDetail;
import org.duban.service.tracking.TrackingService;

/**
 * 一案一档: a task's dossier as a PDF set like a bulletin (the 公文 writer of {@code service/bulletin}): a cover with
 * the task, its units, deadline and status and the audit head; the task's text; each unit's reports, milestones,
 * close-out steps (verification, 公示), inspection findings, supervision, the audit history; and the list of evidence
 * files (name, size, date, SHA-256), whose originals are copied beside it under the names the list gives.
 * Reads only; the stored files are copied, never changed.
 */
public final class DossierService {
    private final Repositories repos;
    private final TrackingService tracking;
    private final EvidenceRepository evidence;
    private final ZoneId zone;

    /** Times in the dossier are shown in {@code zone}, the clock's. */
    public DossierService(Repositories repos, TrackingService tracking, ZoneId zone) {
        this.repos = repos;
        this.tracking = tracking;
        this.evidence = repos.evidence();
        this.zone = zone;
    }

    /** One evidence file as listed: its number and name in the folder, and what the ledger says about it. */
    public record ListedFile(String fileName, Evidence evidence) {
    }

    /** A dossier written: its PDF, the folder of originals and the files in it, in the order of the list. */
    public record Result(Task task, Path pdf, Path evidenceFolder, List<ListedFile> files) {
    }

    /**
     * Writes the dossier of one task (all its units, or the share of {@code unitId}) into a new folder under
     * {@code out}: {@code 案卷-会议1-序号12/案卷-序号12.pdf} and {@code 佐证材料/01-原文件名}; when that folder is
     * there already (written before), into {@code 案卷-会议1-序号12（2）} and so on.
     */
    public Result write(long taskId, Long unitId, Path out, FontPreference fonts) {
        TaskDetail d = tracking.detail(taskId);
        Task t = d.task();
        if (unitId != null && t.assignments().stream().noneMatch(a -> a.unitId() == unitId)) {
            throw new LocalizedException("dossier.error.unitNotOnTask", d.unit(unitId).map(Unit::name)
                    .orElse(String.valueOf(unitId)), t.seq());
        }
        Meeting m = repos.meetings().findById(t.meetingId())
                .orElseThrow(() -> new LocalizedException("meetings.error.gone"));
        List<Assignment> shares = t.assignments().stream().filter(a -> unitId == null || a.unitId() == unitId)
                .toList();
        List<ListedFile> files = new ArrayList<>();
        int n = 1;
        for (Assignment a : shares) {
            for (Evidence e : d.evidenceOf(a.id())) {
                files.add(new ListedFile(String.format("%02d-%s", n++, safe(e.fileName())), e));
            }
        }
        String base = HandoutText.tr("dossier.folder", m.id(), t.seq()) + (unitId == null ? ""
                : "-" + d.unit(unitId).map(Unit::name).orElse(""));
        // a folder of its own: a dossier written before stays as it was, and the folder of originals holds exactly
        // the files this list names (no leftovers of an earlier export)
        Path folder = out.resolve(base);
        for (int k = 2; Files.exists(folder); k++) {
            folder = out.resolve(base + "（" + k + "）");
        }
        Path evidenceFolder = folder.resolve(HandoutText.tr("dossier.evidenceFolder"));
        try {
            Files.createDirectories(evidenceFolder);
            for (ListedFile f : files) {
                byte[] bytes = evidence.content(f.evidence().id())
                        .orElseThrow(() -> new LocalizedException("evidence.error.gone"));
                Files.write(evidenceFolder.resolve(f.fileName()), bytes);
            }
        } catch (IOException e) {
            throw new LocalizedException(e, "dossier.error.write", folder, e.getMessage());
        }
        // the 催办单 and 督办通知书 issued to the units shown about this task (a draft has no 文号 and was not sent)
        List<Notice> notices = repos.notices().findByTask(taskId).stream()
                .filter(nt -> !nt.draft() && shares.stream().anyMatch(a -> a.unitId() == nt.unitId())).toList();
        BulletinDocument doc = document(d, m, shares, files, notices, repos.auditHead());
        Path pdf = folder.resolve(HandoutText.tr("dossier.file", t.seq()));
        new BulletinPdfWriter(HandoutFonts.of(fonts)).write(doc, pdf);
        return new Result(t, pdf, evidenceFolder, files);
    }

    /** The dossiers of every task of a meeting whose every share stands closed (销号) today: the year-end archive. */
    public List<Result> writeClosed(long meetingId, Path out, FontPreference fonts) {
        List<Result> results = new ArrayList<>();
        for (Task t : repos.tasks().findByMeeting(meetingId)) {
            if (tracking.detail(t.id()).tracking().status() == TaskStatus.CLOSED) {
                results.add(write(t.id(), null, out, fonts));
            }
        }
        return results;
    }

    /** The task of a meeting with a 序号. */
    public Optional<Task> task(long meetingId, int seq) {
        return repos.tasks().findByMeeting(meetingId).stream().filter(t -> t.seq() == seq).findFirst();
    }

    private static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return s.isEmpty() ? "file" : s;
    }

    private static String tr(String key, Object... args) {
        return HandoutText.tr(key, args);
    }

    private static String day(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    BulletinDocument document(TaskDetail d, Meeting m, List<Assignment> shares, List<ListedFile> files,
                              List<Notice> notices, AuditChain.Head head) {
        Task t = d.task();
        List<BulletinDocument.Block> b = new ArrayList<>();
        String title = tr("dossier.title", t.seq());
        b.add(new BulletinDocument.Title(title));
        b.add(new BulletinDocument.Centered(m.heldOn() + " " + m.title()));
        b.add(new BulletinDocument.Rule());
        List<String> units = shares.stream().map(a -> d.unit(a.unitId()).map(Unit::name).orElse("?")).toList();
        List<List<String>> cover = new ArrayList<>();
        cover.add(List.of(tr("dossier.cover.seq"), String.valueOf(t.seq())));
        cover.add(List.of(tr("dossier.cover.problem"), t.problem()));
        cover.add(List.of(tr("dossier.cover.units"), String.join("、", units)));
        cover.add(List.of(tr("dossier.cover.deadline"), t.deadline().phrase()));
        cover.add(List.of(tr("dossier.cover.status"), tr("status." + d.tracking().status().name())));
        cover.add(List.of(tr("dossier.cover.leader"), t.leader()));
        cover.add(List.of(tr("dossier.cover.notices"), notices.isEmpty() ? tr("dossier.cover.noNotices")
                : String.join("；", notices.stream().map(nt -> tr("dossier.cover.notice", nt.numberOpt().orElse(""),
                        tr("notice.doc.kind." + nt.level().name()), unitName(d, nt.unitId()))).toList())));
        cover.add(List.of(tr("dossier.cover.evidence"), files.isEmpty() ? tr("dossier.cover.noEvidence")
                : tr("dossier.cover.evidenceCount", files.size())));
        cover.add(List.of(tr("dossier.cover.audit"), tr("audit.head.label", head.shortHash(), head.row())));
        b.add(new BulletinDocument.Table(List.of(tr("dossier.cover.item"), tr("dossier.cover.value")),
                List.of(1.0, 3.0), List.of(true, false), cover));

        b.add(new BulletinDocument.Heading(tr("dossier.h.text")));
        for (String[] f : new String[][] {{"dossier.text.source", t.source() + (t.category().isEmpty() ? ""
                : " / " + t.category())}, {"dossier.text.problem", t.problem()}, {"dossier.text.target", t.target()},
                {"dossier.text.measures", t.measures()}, {"dossier.text.supporting", t.supportingUnits()},
                {"dossier.text.remarks", t.remarks()}}) {
            if (!f[1].isBlank()) {
                // a numbered list in the text (1.… 2.…) keeps its lines, each set as a paragraph
                List<String> lines = f[1].strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                b.add(new BulletinDocument.Paragraph(tr(f[0]) + lines.get(0)));
                lines.stream().skip(1).forEach(l -> b.add(new BulletinDocument.Paragraph(l)));
            }
        }

        int section = 2;
        for (Assignment a : shares) {
            String unit = d.unit(a.unitId()).map(Unit::name).orElse("?");
            String state = d.tracking().state(a.id()).map(AssignmentState::status)
                    .map(s -> tr("status." + s.name())).orElse("");
            b.add(new BulletinDocument.Heading(tr("dossier.h.unit", HandoutText.chineseNumber(section++), unit,
                    state)));
            List<List<String>> reports = new ArrayList<>();
            // oldest first, as the history below and as a file is read (the detail shows the newest first)
            List<ProgressReport> inOrder = new ArrayList<>(d.reportsOf(a.id()));
            inOrder.sort(java.util.Comparator.comparing(ProgressReport::reportedOn)
                    .thenComparing(ProgressReport::id));
            for (ProgressReport r : inOrder) {
                reports.add(List.of(day(r.reportedOn()), r.percent() + "%", r.text(), r.reporter()));
            }
            b.add(reports.isEmpty() ? new BulletinDocument.Paragraph(tr("dossier.none.reports"))
                    : new BulletinDocument.Table(List.of(tr("dossier.col.date"), tr("dossier.col.percent"),
                    tr("dossier.col.report"), tr("dossier.col.reporter")), List.of(1.2, 0.8, 4.0, 1.0),
                    List.of(true, true, false, true), reports));
            List<List<String>> milestones = new ArrayList<>();
            for (Milestone ms : d.milestonesOf(a.id())) {
                milestones.add(List.of(ms.name(), day(ms.dueOn()), day(ms.doneOn())));
            }
            if (!milestones.isEmpty()) {
                b.add(new BulletinDocument.Table(List.of(tr("dossier.col.milestone"), tr("dossier.col.due"),
                        tr("dossier.col.done")), List.of(3.0, 1.2, 1.2), List.of(false, true, true), milestones));
            }
            for (CloseOut co : d.closeOutsOf(a.id())) {
                StringBuilder sb = new StringBuilder(tr("dossier.closeOut.applied", day(co.appliedOn()),
                        sentence(co.explanation())));
                co.verificationOpt().ifPresent(v -> sb.append(tr("dossier.closeOut.verified", day(v.verifiedOn()),
                        tr("closeOut.level." + v.level().name()), v.verifiers(),
                        tr(v.passed() ? "dossier.closeOut.passed" : "dossier.closeOut.failed"),
                        sentence(v.note()).isEmpty() ? "" : "，" + sentence(v.note()))));
                if (co.noticeFrom() != null) {
                    sb.append(tr("dossier.closeOut.notice", day(co.noticeFrom()), day(co.noticeTo())));
                }
                if (co.closedOn() != null) {
                    sb.append(tr("dossier.closeOut.closed", day(co.closedOn())));
                }
                if (co.reopenedOn() != null) {
                    sb.append(tr("dossier.closeOut.reopened", day(co.reopenedOn()), sentence(co.reopenReason())));
                }
                b.add(new BulletinDocument.Paragraph(sb.toString()));
            }
        }

        b.add(new BulletinDocument.Heading(tr("dossier.h.oversight", HandoutText.chineseNumber(section++))));
        Supervision sv = d.tracking().supervision();
        b.add(new BulletinDocument.Paragraph(sv == null ? tr("dossier.supervision.none")
                : tr("dossier.supervision", day(sv.since()), sv.leader(), tr("supervision.cycle." + sv.cycle().name()),
                sv.note())));
        for (Notice nt : notices) {
            b.add(new BulletinDocument.Paragraph(tr("dossier.notice", day(nt.issuedOn()), unitName(d, nt.unitId()),
                    tr("notice.doc.kind." + nt.level().name()), nt.numberOpt().orElse(""), day(nt.responseDue()))
                    + (nt.answered() ? tr("dossier.notice.answered", day(nt.responseOn()),
                    sentence(nt.responseText())) : tr("dossier.notice.unanswered"))));
        }
        if (d.findings().isEmpty()) {
            b.add(new BulletinDocument.Paragraph(tr("dossier.findings.none")));
        } else {
            d.findings().forEach(f -> b.add(new BulletinDocument.Paragraph(tr("dossier.finding", f.text()))));
        }

        b.add(new BulletinDocument.Heading(tr("dossier.h.evidence", HandoutText.chineseNumber(section++))));
        List<List<String>> list = new ArrayList<>();
        for (ListedFile f : files) {
            Evidence e = f.evidence();
            list.add(List.of(f.fileName(), EvidenceService.sizeText(e.sizeBytes()),
                    e.addedAt().atZone(zone).toLocalDate().toString(), twoLines(e.sha256())));
        }
        b.add(list.isEmpty() ? new BulletinDocument.Paragraph(tr("dossier.none.evidence"))
                : new BulletinDocument.Table(List.of(tr("dossier.col.file"), tr("dossier.col.size"),
                tr("dossier.col.added"), "SHA-256"), List.of(2.0, 0.65, 1.05, 3.6), List.of(false, true, true, false),
                list));

        b.add(new BulletinDocument.Heading(tr("dossier.h.history", HandoutText.chineseNumber(section))));
        List<List<String>> history = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>(d.history());
        java.util.Collections.reverse(entries); // oldest first, as a file is read
        for (AuditEntry e : entries) {
            if (e.unitId() != null && shares.stream().noneMatch(a -> a.unitId() == e.unitId())) {
                continue;
            }
            String what = tr("audit.entity." + e.entity().name()) + (e.field().isEmpty() ? "" : " " + field(e.field()));
            String change = switch (e.action()) {
                case CREATE -> tr("dossier.audit.created", nz(e.newValue()));
                case DELETE -> tr("dossier.audit.deleted", nz(e.oldValue()));
                case UPDATE -> value(d, e.field(), e.oldValue()) + " → " + value(d, e.field(), e.newValue());
            };
            history.add(List.of(e.at().atZone(zone).toLocalDateTime().toString().replace('T', ' '), e.operator(),
                    what, change));
        }
        b.add(new BulletinDocument.Table(List.of(tr("dossier.col.time"), tr("dossier.col.operator"),
                tr("dossier.col.what"), tr("dossier.col.change")), List.of(1.5, 1.3, 1.2, 3.2),
                List.of(true, true, false, false), history));
        b.add(new BulletinDocument.Note(tr("audit.head.label", head.shortHash(), head.row())));
        return new BulletinDocument(title, b);
    }

    private static String unitName(TaskDetail d, long unitId) {
        return d.unit(unitId).map(Unit::name).orElse("?");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Text that goes before a 。 of the pattern, without its own closing 。 (no "。。"). */
    private static String sentence(String s) {
        return s == null ? "" : s.strip().replaceAll("[。．.；;，,\\s]+$", "");
    }

    /** A SHA-256 as two lines of 32 digits, so that a narrow column never leaves a digit or two alone. */
    private static String twoLines(String sha) {
        return sha.length() == 64 ? sha.substring(0, 32) + " " + sha.substring(32) : sha;
    }

    /** An audit field's name in words (状态, 完成日期 …), or as stored when it has none. */
    private static String field(String field) {
        return AuditText.field(Translator.chinese(), field);
    }

    /** A stored value in words: statuses, results, cycles, levels and units translated; other text as it is. */
    private static String value(TaskDetail d, String field, String v) {
        if (v == null) {
            return "";
        }
        if ("unitId".equals(field) && v.matches("\\d+")) {
            return d.unit(Long.parseLong(v)).map(Unit::name).orElse(v);
        }
        return AuditText.value(Translator.chinese(), field, v);
    }
}
