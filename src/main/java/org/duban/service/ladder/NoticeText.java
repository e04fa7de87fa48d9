package org.duban.service.ladder;

import java.util.ArrayList;
import java.util.List;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.duban.service.bulletin.BulletinDocument;
import org.duban.service.bulletin.BulletinText;

/**
 * The wording of a 催办单 or 督办通知书, set as the bulletin is (the same document blocks and writers, 公文 layout).
 * Always simplified Chinese ({@code notice.doc.*} keys of the Chinese bundle).
 */
public final class NoticeText {
    private NoticeText() {
    }

    /**
     * The notice as a document.
     *
     * @param unitName the unit as addressed
     * @param issuer   the 落款 (the bulletin's issuer)
     * @param previous the 催办单 a 督办通知书 follows, or null
     */
    public static BulletinDocument document(Notice n, String unitName, String issuer, Notice previous) {
        String kind = BulletinText.tr("notice.doc.kind." + n.level().name());
        String title = BulletinText.tr("notice.doc.title." + n.level().name());
        String day = BulletinText.date(n.issuedOn());
        String due = BulletinText.date(n.responseDue());
        String number = n.draft() ? BulletinText.tr("notice.doc.draftNumber") : n.number();
        List<BulletinDocument.Block> blocks = new ArrayList<>();
        blocks.add(new BulletinDocument.Title(title));
        blocks.add(new BulletinDocument.Masthead(number, day));
        blocks.add(new BulletinDocument.Rule());
        blocks.add(new BulletinDocument.Addressee(unitName + "："));
        int count = n.shares().size();
        if (n.level() == NoticeLevel.CHASE) {
            blocks.add(new BulletinDocument.Paragraph(BulletinText.tr("notice.doc.body.CHASE", day, count, due, issuer)));
        } else if (previous != null && previous.number() != null) {
            blocks.add(new BulletinDocument.Paragraph(BulletinText.tr("notice.doc.body.ORDER.after",
                    BulletinText.date(previous.issuedOn()), previous.number(), day, count, due, issuer)));
        } else {
            blocks.add(new BulletinDocument.Paragraph(BulletinText.tr("notice.doc.body.ORDER", day, count, due, issuer)));
        }
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (NoticeShare s : n.shares()) {
            rows.add(List.of(String.valueOf(i++), s.taskLabel(), s.deadline(),
                    s.daysOverdue() == null ? BulletinText.tr("notice.doc.lagging")
                            : BulletinText.tr("notice.doc.daysOverdue", s.daysOverdue()),
                    s.lastReport().isEmpty() ? BulletinText.tr("notice.doc.noReport") : s.lastReport()));
        }
        blocks.add(new BulletinDocument.Table(List.of(BulletinText.tr("notice.doc.col.no"),
                BulletinText.tr("notice.doc.col.task"), BulletinText.tr("notice.doc.col.deadline"),
                BulletinText.tr("notice.doc.col.overdue"), BulletinText.tr("notice.doc.col.report")),
                List.of(26.0, 140.0, 56.0, 52.0, 108.0), List.of(true, false, true, true, false), rows));
        blocks.add(new BulletinDocument.Paragraph(BulletinText.tr("notice.doc.closing." + n.level().name())));
        blocks.add(new BulletinDocument.Signature(List.of(issuer, day)));
        return new BulletinDocument(kind + "（" + unitName + "，" + number + "）", blocks);
    }

    /** 催办单-蕉城区-2026-11-29.pdf */
    public static String fileName(Notice n, String unitName, String extension) {
        return BulletinText.tr("notice.doc.fileName", BulletinText.tr("notice.doc.kind." + n.level().name()),
                unitName.replaceAll("[\\\\/:*?\"<>|\\s]+", "_"), n.issuedOn().toString(), extension);
    }

    /** 催办单-合订本-2026-11-29.pdf */
    public static String combinedFileName(NoticeLevel level, java.time.LocalDate day) {
        return BulletinText.tr("notice.doc.combinedFileName", BulletinText.tr("notice.doc.kind." + level.name()),
                day.toString());
    }
}
