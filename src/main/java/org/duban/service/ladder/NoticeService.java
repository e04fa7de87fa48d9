package org.duban.service.ladder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.duban.model.ProgressReport;
import org.duban.model.Unit;
import org.duban.model.WorkCalendar;
import org.duban.persistence.NoticeRepository;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.bulletin.BulletinSettings;
import org.duban.service.bulletin.BulletinText;
import org.duban.service.handout.HandoutSettingsStore;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.LightReason;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;

/**
 * 催办单 and 督办通知书: which units qualify on a day, issuing them (numbered, or as drafts), the unit's response,
 * and deleting one. Every change is audited once per task the notice lists, so the task's history shows it.
 *
 * <p>Which shares a notice lists: the unit's shares that are overdue or far behind schedule (red light for lag)
 * on the notice's day. Which units qualify: for a 催办单, a unit with such shares and no notice issued in the last
 * {@code escalateWorkingDays} working days; for a 督办通知书, a unit with such shares whose 催办单 is at least that
 * many working days old, with no 督办通知书 since.
 */
public final class NoticeService {
    private final AuditLog audit;
    private final NoticeRepository notices;
    private final TrackingService tracking;
    private final LadderSettings settings;
    private final UnitOfWork uow;
    private final UnitRepository units;
    private final BulletinSettings bulletinSettings;
    private final HandoutSettingsStore handoutSettings;

    public NoticeService(Repositories repos, UnitOfWork uow, AuditLog audit, TrackingService tracking,
                         LadderSettings settings, BulletinSettings bulletinSettings,
                         HandoutSettingsStore handoutSettings) {
        this.audit = audit;
        this.uow = uow;
        this.notices = repos.notices();
        this.units = repos.units();
        this.tracking = tracking;
        this.settings = settings;
        this.bulletinSettings = bulletinSettings;
        this.handoutSettings = handoutSettings;
    }

    public LadderSettings settings() {
        return settings;
    }

    /** A unit that a notice of a level would go to on a day, with the shares it would list. */
    public record Candidate(Unit unit, NoticeLevel level, List<NoticeShare> shares, Notice previous) {
        public Candidate {
            shares = List.copyOf(shares);
        }
    }

    /** The units that qualify for a notice of {@code level} on {@code day}, in roster order. */
    public List<Candidate> candidates(LocalDate day, NoticeLevel level) {
        return candidates(tracking.trackIssued(TaskScope.all(), day), day, level);
    }

    /** Like {@link #candidates(LocalDate, NoticeLevel)}, from tasks already tracked on {@code day}. */
    public List<Candidate> candidates(List<TaskTracking> tracked, LocalDate day, NoticeLevel level) {
        return candidates(sharesByUnit(tracked, day), day, level);
    }

    /** Like {@link #candidates(List, LocalDate, NoticeLevel)}, from {@link #sharesByUnit} already made. */
    List<Candidate> candidates(Map<Long, List<NoticeShare>> byUnit, LocalDate day, NoticeLevel level) {
        WorkCalendar cal = settings.calendar();
        int wait = settings.load().escalateWorkingDays();
        Map<Long, List<Notice>> sent = new LinkedHashMap<>();
        for (Notice n : notices.findAll()) {
            if (!n.draft() && !n.issuedOn().isAfter(day)) {
                sent.computeIfAbsent(n.unitId(), k -> new ArrayList<>()).add(n);
            }
        }
        List<Candidate> result = new ArrayList<>();
        for (Unit u : units.findAll()) {
            List<NoticeShare> shares = byUnit.get(u.id());
            if (shares == null || shares.isEmpty()) {
                continue;
            }
            List<Notice> mine = sent.getOrDefault(u.id(), List.of());
            Notice last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
            if (level == NoticeLevel.CHASE) {
                if (last == null || cal.workingDaysBetween(last.issuedOn(), day) >= wait) {
                    result.add(new Candidate(u, level, shares, last));
                }
            } else {
                if (last != null && last.level() == NoticeLevel.CHASE
                        && cal.workingDaysBetween(last.issuedOn(), day) >= wait) {
                    result.add(new Candidate(u, level, shares, last));
                }
            }
        }
        if (level == NoticeLevel.CHASE) {
            // a unit that is due for a 督办通知书 is not sent another 催办单
            List<Long> ordered = candidates(byUnit, day, NoticeLevel.ORDER).stream().map(c -> c.unit().id()).toList();
            result.removeIf(c -> ordered.contains(c.unit().id()));
        }
        return result;
    }

    /** What a notice to one unit on {@code day} would list (its overdue and far-behind shares), whether it qualifies or not. */
    public List<NoticeShare> sharesOf(long unitId, LocalDate day) {
        return sharesByUnit(tracking.trackIssued(TaskScope.all(), day), day).getOrDefault(unitId, List.of());
    }

    static Map<Long, List<NoticeShare>> sharesByUnit(List<TaskTracking> tracked, LocalDate day) {
        Map<Long, List<NoticeShare>> byUnit = new LinkedHashMap<>();
        for (TaskTracking t : tracked) {
            for (AssignmentState s : t.states()) {
                if (s.status().isCompleted() || !(s.overdue() || s.reasons().contains(LightReason.FAR_BEHIND))) {
                    continue;
                }
                Integer daysOverdue = s.overdue() && s.daysLeft() != null ? (int) -s.daysLeft() : null;
                byUnit.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(new NoticeShare(t.task().id(),
                        s.assignmentId(), label(t), t.task().deadline().phrase(), daysOverdue, lastReport(s)));
            }
        }
        return byUnit;
    }

    /** 序号 and problem as a notice prints them: "12．……" */
    static String label(TaskTracking t) {
        return t.task().seq() + "．" + clip(t.task().problem());
    }

    /** What {@code replaceAll("\\s+", "")} removes, compiled once (a notice's and the desk's lines clip thousands). */
    static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static String clip(String problem) {
        String p = SPACES.matcher(problem.strip()).replaceAll("");
        return p.length() <= 60 ? p : p.substring(0, 60) + "……";
    }

    /** "11月20日（60%）：……", or empty without a report. */
    static String lastReport(AssignmentState s) {
        ProgressReport r = s.latestReport();
        if (r == null) {
            return "";
        }
        String text = r.text() == null ? "" : r.text().strip();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "……";
        }
        return r.reportedOn().getMonthValue() + "月" + r.reportedOn().getDayOfMonth() + "日（" + r.percent() + "%）"
                + (text.isEmpty() ? "" : "：" + text);
    }

    /**
     * Issues a notice to a unit on a day listing {@code shares}: numbered (the next 文号 of its series and year), or
     * a draft without a number. The response is due {@code responseDays} working days after the day.
     */
    public Notice issue(long unitId, NoticeLevel level, LocalDate day, boolean draft, List<NoticeShare> shares) {
        if (day == null) {
            throw new LocalizedException("ladder.error.dayRequired");
        }
        if (shares.isEmpty()) {
            throw new LocalizedException("ladder.error.noShares");
        }
        LadderSettings.Values v = settings.load();
        LocalDate due = settings.calendar().plusWorkingDays(day, v.responseDays(level));
        Instant now = Instant.now(audit.clock()).truncatedTo(ChronoUnit.SECONDS);
        return uow.inTransaction(() -> {
            units.findById(unitId)
                    .orElseThrow(() -> new PersistenceException("ladder.error.unitGone"));
            Notice n = new Notice(0, unitId, level, day, due, true, null, null, null, null, "", now, shares);
            n = notices.insert(n);
            if (!draft) {
                n = number(n, v);
            }
            for (Long taskId : taskIds(n)) {
                audit.created(AuditEntity.NOTICE, n.id(), taskId, unitId, summary(n));
            }
            return n;
        });
    }

    /** Gives a draft its number: it becomes an issued notice. */
    public Notice issueDraft(long noticeId) {
        return uow.inTransaction(() -> {
            Notice n = find(noticeId);
            if (!n.draft()) {
                return n;
            }
            Notice numbered = number(n, settings.load());
            for (Long taskId : taskIds(numbered)) {
                audit.changed(AuditEntity.NOTICE, n.id(), taskId, n.unitId(), "number", null, numbered.number());
            }
            return numbered;
        });
    }

    private Notice number(Notice n, LadderSettings.Values v) {
        LadderSettings.Series series = LadderSettings.Series.of(n.level());
        int year = n.issuedOn().getYear();
        int seq = notices.takeNumber(series.name(), year);
        String text = LadderSettings.format(v.pattern(series), year, seq);
        notices.setNumber(n.id(), year, seq, text);
        return n.numbered(year, seq, text);
    }

    /**
     * Records the unit's written response (a null day and no text clear it). A response needs its day and its
     * text; it cannot come before its notice was issued or after today, and a draft (never sent) has none.
     *
     * @throws LocalizedException saying what is wrong; nothing is recorded
     */
    public Notice recordResponse(long noticeId, LocalDate on, String text) {
        String t = text == null ? "" : text.strip();
        return uow.inTransaction(() -> {
            Notice n = find(noticeId);
            String name = BulletinText.tr("notice.doc.kind." + n.level().name()) + " "
                    + (n.draft() ? BulletinText.tr("notice.doc.draft") : n.number());
            if (on == null && !t.isEmpty()) {
                throw new LocalizedException("ladder.error.responseDay", name);
            }
            if (on != null) {
                if (n.draft()) {
                    throw new LocalizedException("ladder.error.responseDraft", name);
                }
                if (t.isEmpty()) {
                    throw new LocalizedException("ladder.error.responseText", name);
                }
                if (on.isBefore(n.issuedOn())) {
                    throw new LocalizedException("ladder.error.responseBefore", on.toString(), name,
                            n.issuedOn().toString());
                }
                if (on.isAfter(audit.today())) {
                    throw new LocalizedException("ladder.error.responseFuture", on.toString(), audit.today().toString());
                }
            }
            notices.setResponse(noticeId, on, t);
            for (Long taskId : taskIds(n)) {
                audit.changed(AuditEntity.NOTICE, n.id(), taskId, n.unitId(), "responseOn", n.responseOn(), on);
                audit.changed(AuditEntity.NOTICE, n.id(), taskId, n.unitId(), "responseText", n.responseText(), t);
            }
            return n.withResponse(on, t);
        });
    }

    /** Deletes a notice (audited with what it was); its number is not given again. */
    public void delete(long noticeId) {
        uow.inTransaction(() -> {
            Notice n = find(noticeId);
            notices.delete(noticeId);
            for (Long taskId : taskIds(n)) {
                audit.deleted(AuditEntity.NOTICE, n.id(), taskId, n.unitId(), summary(n));
            }
            return null;
        });
    }

    public Optional<Notice> findById(long id) {
        return notices.findById(id);
    }

    public List<Notice> all() {
        return notices.findAll();
    }

    public List<Notice> ofUnit(long unitId) {
        return notices.findByUnit(unitId);
    }

    public List<Notice> ofTask(long taskId) {
        return notices.findByTask(taskId);
    }

    /** What a batch wrote: the notices (in roster order), their files (PDF and .docx each) and the combined PDF. */
    public record ChaseResult(List<Notice> notices, List<java.nio.file.Path> files, java.nio.file.Path combined) {
        public ChaseResult {
            notices = List.copyOf(notices);
            files = List.copyOf(files);
        }
    }

    /**
     * Issues a notice of {@code level} on {@code day} to every unit that qualifies, or to the one unit named (which
     * must have overdue or far-behind shares), and writes each as PDF and .docx into {@code dir} with a combined PDF
     * for duplex printing. One transaction: when a file cannot be written no notice is recorded and no number taken.
     *
     * @param unitName the unit's name or short name, or null for every unit that qualifies
     */
    public ChaseResult chase(LocalDate day, NoticeLevel level, String unitName, boolean draft, java.nio.file.Path dir) {
        return chase(day, level, unitName, draft, dir, Progress.NONE);
    }

    /** How far a batch is: {@code done} of {@code total} notices written, the one under way to {@code unit}. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, unit) -> { };

        void step(int done, int total, String unit);
    }

    /** Like {@link #chase(LocalDate, NoticeLevel, String, boolean, java.nio.file.Path)}, telling how far it is. */
    public ChaseResult chase(LocalDate day, NoticeLevel level, String unitName, boolean draft, java.nio.file.Path dir,
                             Progress progress) {
        List<Unit> roster = units.findAll();
        List<Candidate> targets;
        if (unitName != null && !unitName.isBlank()) {
            String name = unitName.strip();
            Unit u = roster.stream().filter(x -> x.name().equals(name) || x.shortName().equals(name)
                    || x.aliases().contains(name)).findFirst()
                    .orElseThrow(() -> new LocalizedException("ladder.error.unknownUnit", name));
            List<NoticeShare> shares = sharesOf(u.id(), day);
            if (shares.isEmpty()) {
                throw new LocalizedException("ladder.error.noSharesOf", u.name(), day.toString());
            }
            targets = List.of(new Candidate(u, level, shares, null));
        } else {
            targets = candidates(day, level);
        }
        return write(targets, level, day, draft, dir, progress);
    }

    /**
     * Issues a notice of {@code level} on {@code day} about tasks chosen in the checklist: one to each unit with an
     * open (not completed) share of them (or to {@code unitId} only, when given), listing those shares, written as
     * {@link #chase} writes them.
     *
     * @throws LocalizedException when none of the tasks has an open share on that day
     */
    public ChaseResult chaseTasks(LocalDate day, NoticeLevel level, java.util.Collection<Long> taskIds, Long unitId,
                                  boolean draft, java.nio.file.Path dir, Progress progress) {
        if (day == null) {
            throw new LocalizedException("ladder.error.dayRequired");
        }
        Map<Long, List<NoticeShare>> byUnit = new LinkedHashMap<>();
        for (TaskTracking t : tracking.trackIssued(TaskScope.all(), day)) {
            if (!taskIds.contains(t.task().id())) {
                continue;
            }
            for (AssignmentState s : t.states()) {
                if (s.status().isCompleted() || unitId != null && s.unitId() != unitId) {
                    continue;
                }
                Integer daysOverdue = s.overdue() && s.daysLeft() != null ? (int) -s.daysLeft() : null;
                byUnit.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(new NoticeShare(t.task().id(),
                        s.assignmentId(), label(t), t.task().deadline().phrase(), daysOverdue, lastReport(s)));
            }
        }
        List<Candidate> targets = new ArrayList<>();
        for (Unit u : units.findAll()) {
            List<NoticeShare> shares = byUnit.get(u.id());
            if (shares != null && !shares.isEmpty()) {
                targets.add(new Candidate(u, level, shares, null));
            }
        }
        if (targets.isEmpty()) {
            throw new LocalizedException("ladder.error.noOpenShares", day.toString());
        }
        return write(targets, level, day, draft, dir, progress);
    }

    private ChaseResult write(List<Candidate> targets, NoticeLevel level, LocalDate day, boolean draft,
                              java.nio.file.Path dir, Progress progress) {
        if (targets.isEmpty()) {
            return new ChaseResult(List.of(), List.of(), null);
        }
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new LocalizedException(e, "ladder.error.folder", dir, e.getMessage());
        }
        NoticeDocuments docs = documents();
        return uow.inTransaction(() -> {
            List<Notice> issued = new ArrayList<>();
            List<java.nio.file.Path> files = new ArrayList<>();
            List<org.duban.service.bulletin.BulletinDocument> all = new ArrayList<>();
            int done = 0;
            for (Candidate t : targets) {
                progress.step(done++, targets.size(), t.unit().name());
                Notice n = issue(t.unit().id(), level, day, draft, t.shares());
                issued.add(n);
                org.duban.service.bulletin.BulletinDocument doc = docs.document(n);
                all.add(doc);
                files.add(docs.write(doc, dir.resolve(NoticeText.fileName(n, t.unit().name(), "pdf"))));
                files.add(docs.write(doc, dir.resolve(NoticeText.fileName(n, t.unit().name(), "docx"))));
            }
            java.nio.file.Path combined = dir.resolve(NoticeText.combinedFileName(level, day));
            progress.step(done, targets.size(), "");
            docs.writeCombined(all, BulletinText.tr("notice.doc.kind." + level.name()), combined);
            return new ChaseResult(issued, files, combined);
        });
    }

    /** The writer of this ledger's notices (its fonts, issuer and roster). */
    public NoticeDocuments documents() {
        return new NoticeDocuments(units, this, bulletinSettings, handoutSettings);
    }

    /** The 催办单 a 督办通知书 follows: the unit's last numbered 催办单 issued by its day, or null. */
    public Notice previousChase(Notice n) {
        Notice prev = null;
        for (Notice o : notices.findByUnit(n.unitId())) {
            if (o.id() != n.id() && !o.draft() && o.level() == NoticeLevel.CHASE && !o.issuedOn().isAfter(n.issuedOn())) {
                prev = o;
            }
        }
        return prev;
    }

    /** The last number given in a series and year (0: none). */
    public int lastNumber(LadderSettings.Series series, int year) {
        return notices.lastNumber(series.name(), year);
    }

    private Notice find(long id) {
        return notices.findById(id).orElseThrow(() -> new PersistenceException("ladder.error.noticeGone"));
    }

    /** The tasks a notice lists, each once; one null when it lists none still in the ledger (audited on the unit). */
    private static List<Long> taskIds(Notice n) {
        List<Long> ids = new ArrayList<>();
        for (NoticeShare s : n.shares()) {
            if (s.taskId() != null && !ids.contains(s.taskId())) {
                ids.add(s.taskId());
            }
        }
        if (ids.isEmpty()) {
            ids.add(null);
        }
        return ids;
    }

    /** "催办单 督催〔2026〕1号，2026-11-30，答复期限 2026-12-07，3项" for the audit log. */
    static String summary(Notice n) {
        return BulletinText.tr("notice.doc.kind." + n.level().name()) + " "
                + (n.draft() ? BulletinText.tr("notice.doc.draft") : n.number()) + "，" + n.issuedOn() + "，"
                + BulletinText.tr("notice.audit.due", n.responseDue().toString(), n.shares().size());
    }
}
