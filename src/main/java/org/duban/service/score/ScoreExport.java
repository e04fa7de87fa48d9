package org.duban.service.score;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.service.bulletin.BulletinDocument;
import org.duban.service.bulletin.BulletinPdfWriter;
import org.duban.service.bulletin.BulletinText;
import org.duban.service.excel.XlsxWriting;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;

/**
 * The score table as a workbook (the ranking, and every event with its points on a second sheet) or as a PDF in the
 * bulletin's 公文 layout (the ranking, then each unit's events). Always simplified Chinese, like the bulletin.
 */
public final class ScoreExport {
    private ScoreExport() {
    }

    /** Writes .xlsx or .pdf by the file's extension. */
    public static void write(ScoreService.ScoreTable t, Path file, FontPreference fonts) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            xlsx(t, file);
        } else if (name.endsWith(".pdf")) {
            new BulletinPdfWriter(HandoutFonts.of(fonts)).write(document(t), file);
        } else {
            throw new LocalizedException("score.error.format", file.getFileName());
        }
    }

    static String num(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static List<String> header() {
        return List.of(tr("score.doc.col.rank"), tr("score.doc.col.unit"), tr("score.doc.col.base"),
                tr("score.doc.col.added"), tr("score.doc.col.deducted"), tr("score.doc.col.total"),
                tr("score.doc.col.events"));
    }

    static List<String> row(UnitScore s) {
        return List.of(String.valueOf(s.rank()), s.unit().name(), num(s.base()), num(s.added()), num(s.deducted()),
                num(s.total()) + (s.capped() ? tr("score.doc.capped") : ""), String.valueOf(s.events().size()));
    }

    private static String tr(String key, Object... args) {
        return BulletinText.tr(key, args);
    }

    /** The score as a 公文-style document: the ranking, then each unit's events. */
    public static BulletinDocument document(ScoreService.ScoreTable t) {
        List<BulletinDocument.Block> blocks = new ArrayList<>();
        String title = tr("score.doc.title");
        blocks.add(new BulletinDocument.Title(title));
        blocks.add(new BulletinDocument.Centered(tr("score.doc.period", BulletinText.date(t.from()),
                BulletinText.date(t.asOf()))));
        blocks.add(new BulletinDocument.Paragraph(tr("score.doc.intro", t.rules().effectiveFrom().getYear() < 2000
                ? tr("score.doc.defaultRules") : tr("score.doc.rulesFrom", BulletinText.date(t.rules().effectiveFrom())))));
        List<List<String>> rows = new ArrayList<>();
        t.units().forEach(s -> rows.add(row(s)));
        blocks.add(new BulletinDocument.Table(header(), List.of(30.0, 110.0, 40.0, 40.0, 40.0, 50.0, 40.0),
                List.of(true, false, true, true, true, true, true), rows));
        blocks.add(new BulletinDocument.Heading(tr("score.doc.h.events")));
        for (UnitScore s : t.units()) {
            if (s.events().isEmpty()) {
                continue;
            }
            blocks.add(new BulletinDocument.Addressee(s.unit().name() + "（" + num(s.total()) + "）"));
            List<List<String>> ev = new ArrayList<>();
            for (ScoreEvent e : s.events()) {
                ev.add(List.of(e.day().toString(), e.rule().chinese(), e.text(), num(e.points())));
            }
            blocks.add(new BulletinDocument.Table(List.of(tr("score.doc.col.day"), tr("score.doc.col.rule"),
                    tr("score.doc.col.event"), tr("score.doc.col.points")), List.of(50.0, 60.0, 160.0, 30.0),
                    List.of(true, false, false, true), ev));
        }
        return new BulletinDocument(title, blocks);
    }

    private static void xlsx(ScoreService.ScoreTable t, Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxWriting.Styles st = XlsxWriting.styles(wb);
            Sheet rank = wb.createSheet(tr("score.doc.sheet.ranking"));
            Row title = rank.createRow(0);
            st.text(title.createCell(0), tr("score.doc.title") + "（" + tr("score.doc.period",
                    BulletinText.date(t.from()), BulletinText.date(t.asOf())) + "）", st.title);
            List<String> head = header();
            Row h = rank.createRow(1);
            for (int i = 0; i < head.size(); i++) {
                st.text(h.createCell(i), head.get(i), st.header);
            }
            int r = 2;
            for (UnitScore s : t.units()) {
                Row row = rank.createRow(r++);
                List<String> cells = row(s);
                for (int i = 0; i < cells.size(); i++) {
                    if (i == 1 || i == 5) {
                        st.text(row.createCell(i), cells.get(i), i == 1 ? st.text : st.center);
                    } else {
                        row.createCell(i).setCellValue(Double.parseDouble(cells.get(i)));
                        row.getCell(i).setCellStyle(st.center);
                    }
                }
            }
            XlsxWriting.width(rank, 1, 24);
            Sheet events = wb.createSheet(tr("score.doc.sheet.events"));
            List<String> eh = List.of(tr("score.doc.col.unit"), tr("score.doc.col.day"), tr("score.doc.col.rule"),
                    tr("score.doc.col.event"), tr("score.doc.col.points"), tr("score.doc.col.rulesFrom"));
            Row e0 = events.createRow(0);
            for (int i = 0; i < eh.size(); i++) {
                st.text(e0.createCell(i), eh.get(i), st.header);
            }
            int er = 1;
            for (UnitScore s : t.units()) {
                for (ScoreEvent e : s.events()) {
                    Row row = events.createRow(er++);
                    st.text(row.createCell(0), s.unit().name(), st.text);
                    st.text(row.createCell(1), e.day().toString(), st.center);
                    st.text(row.createCell(2), e.rule().chinese(), st.text);
                    st.text(row.createCell(3), e.text(), st.text);
                    row.createCell(4).setCellValue(e.points().doubleValue());
                    row.getCell(4).setCellStyle(st.center);
                    st.text(row.createCell(5), e.rulesFrom().toString(), st.center);
                }
            }
            XlsxWriting.width(events, 0, 24);
            XlsxWriting.width(events, 3, 40);
            XlsxWriting.save(wb, file);
        } catch (IOException e) {
            throw new LocalizedException(e, "score.error.write", file, e.getMessage());
        }
    }

    /** The events' rule names in the user's language, for screens. */
    public static String ruleName(ScoreRules.Rule r) {
        return Messages.tr("score.rule." + r.name());
    }
}
