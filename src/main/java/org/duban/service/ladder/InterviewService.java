package org.duban.service.ladder;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.Interview;
import org.duban.model.NoticeShare;
import org.duban.model.Unit;
import org.duban.persistence.InterviewRepository;
import org.duban.persistence.NoticeRepository;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.Repositories;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.bulletin.BulletinDocument;
import org.duban.service.bulletin.BulletinText;

/**
 * 约谈: recording one (numbered in the TALK series, audited once per task the unit has open, so the tasks' history
 * shows it) and its printable 约谈通知, listing the unit's overdue and far-behind shares on the day it is recorded.
 */
public final class InterviewService {
    private final AuditLog audit;
    private final NoticeService notices;
    private final InterviewRepository interviews;
    private final UnitOfWork uow;
    private final UnitRepository units;
    private final NoticeRepository noticeNumbers;

    public InterviewService(Repositories repos, UnitOfWork uow, AuditLog audit, NoticeService notices) {
        this.audit = audit;
        this.uow = uow;
        this.notices = notices;
        this.interviews = repos.interviews();
        this.units = repos.units();
        this.noticeNumbers = repos.notices();
    }

    /**
     * Records a 约谈 with a unit, numbered, and writes its 约谈通知 (PDF or .docx by extension) when {@code file} is
     * given; one transaction.
     */
    public Interview record(long unitId, LocalDate heldOn, String leader, String attendees, String minutes,
                            LocalDate followUpDue, Path file) {
        if (heldOn == null) {
            throw new LocalizedException("ladder.error.dayRequired");
        }
        if (leader == null || leader.isBlank()) {
            throw new LocalizedException("interview.error.leader");
        }
        if (followUpDue != null && followUpDue.isBefore(heldOn)) {
            throw new LocalizedException("interview.error.followUp", followUpDue.toString(), heldOn.toString());
        }
        // nothing is scheduled on a day off: a 约谈 still to come, and the follow-up's deadline, fall on working days
        org.duban.model.WorkCalendar cal = notices.settings().calendar();
        if (heldOn.isAfter(audit.today()) && !cal.isWorkingDay(heldOn)) {
            throw new LocalizedException("interview.error.heldOnDayOff", heldOn.toString(),
                    cal.plusWorkingDays(heldOn, 1).toString());
        }
        if (followUpDue != null && !cal.isWorkingDay(followUpDue)) {
            throw new LocalizedException("interview.error.followUpDayOff", followUpDue.toString(),
                    cal.plusWorkingDays(followUpDue, 1).toString());
        }
        Unit unit = units.findById(unitId)
                .orElseThrow(() -> new PersistenceException("ladder.error.unitGone"));
        List<NoticeShare> shares = notices.sharesOf(unitId, audit.today().isBefore(heldOn) ? audit.today() : heldOn);
        LadderSettings.Values v = notices.settings().load();
        Instant now = Instant.now(audit.clock()).truncatedTo(ChronoUnit.SECONDS);
        return uow.inTransaction(() -> {
            int seq = noticeNumbers.takeNumber(LadderSettings.Series.TALK.name(),
                    heldOn.getYear());
            String number = LadderSettings.format(v.talkPattern(), heldOn.getYear(), seq);
            Interview draft = new Interview(0, unitId, heldOn, leader.strip(), attendees, minutes, followUpDue, number,
                    now);
            long id = interviews.insert(draft);
            Interview i = new Interview(id, unitId, heldOn, draft.leader(), draft.attendees(), draft.minutes(),
                    followUpDue, number, now);
            String summary = number + "，" + heldOn + "，" + i.leader()
                    + (followUpDue == null ? "" : "，" + BulletinText.tr("interview.audit.followUp", followUpDue));
            List<Long> tasks = shares.stream().map(NoticeShare::taskId).distinct().toList();
            if (tasks.isEmpty()) {
                audit.created(AuditEntity.INTERVIEW, id, null, unitId, summary);
            }
            for (Long taskId : tasks) {
                audit.created(AuditEntity.INTERVIEW, id, taskId, unitId, summary);
            }
            if (file != null) {
                notices.documents().write(document(i, unit.name(), notices.documents().issuer(), shares), file);
            }
            return i;
        });
    }

    /** Writes an interview's 约谈通知 again (PDF or .docx by extension), listing the unit's shares as on its day. */
    public Path writeNotice(Interview i, Path file) {
        Unit unit = units.findById(i.unitId())
                .orElseThrow(() -> new PersistenceException("ladder.error.unitGone"));
        LocalDate day = audit.today().isBefore(i.heldOn()) ? audit.today() : i.heldOn();
        NoticeDocuments docs = notices.documents();
        return docs.write(document(i, unit.name(), docs.issuer(), notices.sharesOf(i.unitId(), day)), file);
    }

    public List<Interview> all() {
        return interviews.findAll();
    }

    /** The 约谈通知: to the unit, when and with whom, about which shares, and the follow-up due. */
    public static BulletinDocument document(Interview i, String unitName, String issuer, List<NoticeShare> shares) {
        List<BulletinDocument.Block> blocks = new ArrayList<>();
        String day = BulletinText.date(i.heldOn());
        blocks.add(new BulletinDocument.Title(BulletinText.tr("interview.doc.title")));
        blocks.add(new BulletinDocument.Masthead(i.number(), BulletinText.date(i.createdAt()
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())));
        blocks.add(new BulletinDocument.Rule());
        blocks.add(new BulletinDocument.Addressee(unitName + "："));
        blocks.add(new BulletinDocument.Paragraph(BulletinText.tr("interview.doc.body", shares.size(), day, i.leader(),
                i.attendees().isEmpty() ? BulletinText.tr("interview.doc.defaultAttendees") : i.attendees())));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (NoticeShare s : shares) {
            rows.add(List.of(String.valueOf(n++), s.taskLabel(), s.deadline(), s.daysOverdue() == null
                    ? BulletinText.tr("notice.doc.lagging") : BulletinText.tr("notice.doc.daysOverdue", s.daysOverdue())));
        }
        if (!rows.isEmpty()) {
            blocks.add(new BulletinDocument.Table(List.of(BulletinText.tr("notice.doc.col.no"),
                    BulletinText.tr("notice.doc.col.task"), BulletinText.tr("notice.doc.col.deadline"),
                    BulletinText.tr("notice.doc.col.overdue")), List.of(26.0, 190.0, 70.0, 56.0),
                    List.of(true, false, true, true), rows));
        }
        if (i.followUpDue() != null) {
            blocks.add(new BulletinDocument.Paragraph(BulletinText.tr("interview.doc.followUp",
                    BulletinText.date(i.followUpDue()), issuer)));
        }
        blocks.add(new BulletinDocument.Signature(List.of(issuer, BulletinText.date(i.createdAt()
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()))));
        return new BulletinDocument(BulletinText.tr("interview.doc.title") + "（" + unitName + "）", blocks);
    }
}
