package org.duban.service.ledger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.i18n.Messages;
import org.duban.model.Assignment;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.excel.XlsxWriting;
import org.duban.service.tracking.TrackingService;

/**
 * Exports a meeting's ledger (台账) as .xlsx: a title row, the heading row (frozen, with filters, repeated on
 * every printed page), one row per task, landscape A4 fitted to the page width.
 */
public final class LedgerExporter {
    /** Row index of the heading (row 2 in the sheet: the title is above it). */
    static final int HEADER_ROW = 1;
    /** Statuses as they stand today, like the checklist shows them (the stored one is from the last change). */
    private final TrackingService tracking;
    private final UnitRepository units;
    private final List<LedgerColumn> columns;

    public LedgerExporter(Database db, List<LedgerColumn> columns) {
        this.tracking = new TrackingService(new AuditLog(db, java.time.Clock.systemDefaultZone()));
        this.units = new UnitRepository(db);
        this.columns = List.copyOf(columns);
    }

    public LedgerExporter(Database db) {
        this(db, LedgerColumns.standard());
    }

    /** The ledger rows of a meeting, in 序号 order. */
    public List<LedgerRow> rows(long meetingId) {
        return rows(meetingId, tracking.today());
    }

    /** The ledger rows of a meeting with the statuses of {@code day}, in 序号 order. */
    public List<LedgerRow> rows(long meetingId, LocalDate day) {
        Map<Long, Unit> byId = units.findAll().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        return tracking.tasksOn(TaskScope.meeting(meetingId), day).stream().map(t -> row(t, byId)).toList();
    }

    private static LedgerRow row(Task t, Map<Long, Unit> byId) {
        Map<Unit, TaskStatus> statuses = new HashMap<>();
        for (Assignment a : t.assignments()) {
            statuses.put(byId.get(a.unitId()), a.status());
        }
        List<Unit> us = t.unitIds().stream().map(byId::get)
                .sorted(java.util.Comparator.comparingInt(Unit::sortOrder)).toList();
        return new LedgerRow(t, us, statuses);
    }

    /** Writes the meeting's ledger to {@code out}; returns the number of tasks written. */
    public int export(Meeting meeting, Path out) {
        return export(meeting, out, tracking.today());
    }

    /** Writes the meeting's ledger as it stood on {@code day} (a meeting pack's day). */
    public int export(Meeting meeting, Path out, LocalDate day) {
        List<LedgerRow> rows = rows(meeting.id(), day);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxWriting.Styles styles = XlsxWriting.styles(wb);
            Sheet sheet = wb.createSheet(Messages.tr("ledger.sheet"));
            int last = columns.size() - 1;

            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            styles.text(title.createCell(0), Messages.tr("ledger.title", meeting.title(), meeting.heldOn(),
                    day, rows.size()), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));

            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c <= last; c++) {
                LedgerColumn col = columns.get(c);
                styles.text(header.createCell(c), Messages.tr(col.headerKey()), styles.header);
                XlsxWriting.width(sheet, c, col.width());
            }
            int[] widths = columns.stream().mapToInt(LedgerColumn::width).toArray();
            Map<Integer, CellStyle> fills = new HashMap<>();
            int r = HEADER_ROW + 1;
            for (LedgerRow lr : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c <= last; c++) {
                    LedgerColumn.Cell cell = columns.get(c).value().apply(lr);
                    CellStyle style = cell.fill() >= 0 ? fills.computeIfAbsent(cell.fill(), rgb -> {
                        CellStyle s = styles.filled(rgb, true);
                        s.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
                        return s;
                    }) : cell.centered() ? styles.center : styles.text;
                    styles.text(row.createCell(c), cell.text(), style);
                }
                XlsxWriting.fitHeight(row, widths);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, last));
            XlsxWriting.printSetup(sheet, HEADER_ROW);
            XlsxWriting.save(wb, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // closing an in-memory workbook
        }
        return rows.size();
    }
}
