package org.duban.service.returns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.i18n.Messages;
import org.duban.model.Assignment;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.Repositories;
import org.duban.persistence.UnitRepository;
import org.duban.service.excel.XlsxWriting;
import org.duban.service.tracking.TrackingService;

/**
 * Writes one return form (进展报送表) per unit: the unit's assignments in locked columns and empty input
 * columns (本期进展, 完成百分比, 报送人, 报送日期) with validation. A very hidden sheet records the meeting, the
 * unit and each row's assignment, so that filled forms can be checked when they come back.
 */
public final class ReturnFormWriter {
    private static final int INPUT_FILL = 0xFFF9DB;
    /** Statuses as they stand today, like the checklist shows them (the stored one is from the last change). */
    private final TrackingService tracking;
    private final UnitRepository units;
    private final ReturnForm.Layout layout;

    public ReturnFormWriter(Repositories repos, TrackingService tracking) {
        this(repos, tracking, ReturnForm.CURRENT);
    }

    /** With an older layout: how forms out in the units were written by an older version (for tests of reading). */
    ReturnFormWriter(Repositories repos, TrackingService tracking, ReturnForm.Layout layout) {
        this.tracking = tracking;
        this.units = repos.units();
        this.layout = layout;
    }

    /** Writes the forms of every unit that has assignments in the meeting; returns the files written. */
    public List<Path> writeAll(Meeting meeting, Path dir) {
        List<Task> list = tracking.tasksToday(meeting.id());
        Map<Unit, List<Task>> byUnit = new LinkedHashMap<>();
        for (Unit u : units.findAll()) {
            List<Task> mine = list.stream().filter(t -> t.unitIds().contains(u.id())).toList();
            if (!mine.isEmpty()) {
                byUnit.put(u, mine);
            }
        }
        List<Path> written = new ArrayList<>();
        byUnit.forEach((unit, mine) -> {
            Path out = dir.resolve(fileName(unit));
            write(meeting, unit, mine, out);
            written.add(out);
        });
        return written;
    }

    static String fileName(Unit unit) {
        return Messages.tr("returns.fileName", unit.name().replaceAll("[\\\\/:*?\"<>|\\s]", "_"));
    }

    void write(Meeting meeting, Unit unit, List<Task> mine, Path out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxWriting.Styles styles = XlsxWriting.styles(wb);
            XSSFSheet sheet = wb.createSheet(Messages.tr("returns.sheet"));
            int last = layout.last();
            Map<Long, String> names = new java.util.HashMap<>();
            units.findAll().forEach(u -> names.put(u.id(), u.name()));
            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            styles.text(title.createCell(0), Messages.tr("returns.title", meeting.title()), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            Row sub = sheet.createRow(1);
            styles.text(sub.createCell(0), Messages.tr("returns.subtitle", unit.name(), meeting.heldOn(), mine.size()),
                    styles.subtitle);
            sub.setHeightInPoints(20);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));

            Row header = sheet.createRow(ReturnForm.HEADER_ROW);
            XSSFCellStyle inputHeader = styles.filled(0xFFE699, true);
            inputHeader.setFont(wb.getFontAt(styles.header.getFontIndex()));
            inputHeader.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            for (int c = 0; c <= last; c++) {
                styles.text(header.createCell(c), Messages.tr(layout.columns().get(c)),
                        c >= layout.firstInput() ? inputHeader : styles.header);
                XlsxWriting.width(sheet, c, layout.widths()[c]);
            }
            CellStyle input = styles.filled(INPUT_FILL, false);
            XSSFCellStyle dateInput = styles.filled(INPUT_FILL, false);
            dateInput.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

            XSSFSheet meta = wb.createSheet(ReturnForm.META_SHEET);
            Row m0 = meta.createRow(0);
            m0.createCell(0).setCellValue(ReturnForm.MAGIC);
            m0.createCell(1).setCellValue(layout.version());
            Row m1 = meta.createRow(1);
            m1.createCell(0).setCellValue(String.valueOf(meeting.id()));
            m1.createCell(1).setCellValue(String.valueOf(unit.id()));
            m1.createCell(2).setCellValue(unit.name());

            int r = ReturnForm.HEADER_ROW + 1;
            for (Task t : mine) {
                Assignment a = t.assignments().stream().filter(x -> x.unitId() == unit.id()).findFirst().orElseThrow();
                Row row = sheet.createRow(r);
                styles.text(row.createCell(layout.indexOf(ReturnForm.SEQ)), String.valueOf(t.seq()), styles.center);
                styles.text(row.createCell(layout.indexOf(ReturnForm.PROBLEM)), t.problem(), styles.text);
                styles.text(row.createCell(layout.indexOf(ReturnForm.TARGET)), t.target(), styles.text);
                styles.text(row.createCell(layout.indexOf(ReturnForm.DEADLINE)), t.deadline().phrase(), styles.text);
                if (layout.indexOf(ReturnForm.LEAD_UNIT) >= 0) {
                    styles.text(row.createCell(layout.indexOf(ReturnForm.LEAD_UNIT)),
                            t.hasLeadUnit() ? names.getOrDefault(t.leadUnitId(), "") : "", styles.text);
                }
                styles.text(row.createCell(layout.indexOf(ReturnForm.STATUS)),
                        Messages.tr("status." + a.status().name()), styles.center);
                for (int c = layout.firstInput(); c <= last; c++) {
                    row.createCell(c).setCellStyle(c == last ? dateInput : input);
                }
                XlsxWriting.fitHeight(row, layout.widths());
                Row mr = meta.createRow(r);
                mr.createCell(0).setCellValue(String.valueOf(t.seq()));
                mr.createCell(1).setCellValue(String.valueOf(a.id()));
                mr.createCell(2).setCellValue(String.valueOf(t.id()));
                r++;
            }
            if (r > ReturnForm.HEADER_ROW + 1) {
                validations(sheet, layout, ReturnForm.HEADER_ROW + 1, r - 1);
            }
            sheet.createFreezePane(0, ReturnForm.HEADER_ROW + 1);
            XlsxWriting.printSetup(sheet, ReturnForm.HEADER_ROW);
            // Locked columns stay as issued; an empty password lets a careful user unprotect if truly needed.
            sheet.protectSheet("");
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            meta.protectSheet("");
            wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
            wb.setActiveSheet(0);
            XlsxWriting.save(wb, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void validations(XSSFSheet sheet, ReturnForm.Layout layout, int firstRow, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int percentCol = layout.indexOf(ReturnForm.PERCENT);
        DataValidationConstraint percent = helper.createIntegerConstraint(
                DataValidationConstraint.OperatorType.BETWEEN, "0", "100");
        DataValidation pv = helper.createValidation(percent, new CellRangeAddressList(firstRow, lastRow, percentCol, percentCol));
        pv.setShowErrorBox(true);
        pv.createErrorBox(Messages.tr("returns.validation.title"), Messages.tr("returns.validation.percent"));
        sheet.addValidationData(pv);
        int dateCol = layout.indexOf(ReturnForm.DATE);
        DataValidationConstraint date = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "DATE(2020,1,1)", "DATE(2100,12,31)", "yyyy-mm-dd");
        DataValidation dv = helper.createValidation(date, new CellRangeAddressList(firstRow, lastRow, dateCol, dateCol));
        dv.setShowErrorBox(true);
        dv.createErrorBox(Messages.tr("returns.validation.title"), Messages.tr("returns.validation.date"));
        sheet.addValidationData(dv);
    }
}
