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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.i18n.Translator;
import org.duban.model.Assignment;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
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
    private final TaskRepository tasks;
    private final Translator words;
    private final List<LedgerColumn> columns;

    /** In {@code words}' language (the window's; a meeting pack's ledger is Chinese: {@link #in}). */
    public LedgerExporter(Repositories repos, TrackingService tracking, Translator words) {
        this(tracking, repos.units(), repos.tasks(), words);
    }

    private LedgerExporter(TrackingService tracking, UnitRepository units, TaskRepository tasks, Translator words) {
        this.tracking = tracking;
        this.units = units;
        this.tasks = tasks;
        this.words = words;
        this.columns = LedgerColumns.standard(words);
    }

    /** The same exporter writing in {@code words}' language. */
    public LedgerExporter in(Translator words) {
        return new LedgerExporter(tracking, units, tasks, words);
    }

    /** The ledger rows of a meeting, in 序号 order. */
    public List<LedgerRow> rows(long meetingId) {
        return rows(tracking.tasksOn(TaskScope.meeting(meetingId), tracking.today()));
    }

    private List<LedgerRow> rows(List<Task> tasks) {
        Map<Long, Unit> byId = units.findAll().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        return tasks.stream().map(t -> row(t, byId)).toList();
    }

    private static LedgerRow row(Task t, Map<Long, Unit> byId) {
        Map<Unit, TaskStatus> statuses = new HashMap<>();
        for (Assignment a : t.assignments()) {
            statuses.put(byId.get(a.unitId()), a.status());
        }
        List<Unit> us = t.unitIds().stream().map(byId::get)
                .sorted(java.util.Comparator.comparingInt(Unit::sortOrder)).toList();
        return new LedgerRow(t, us, statuses, t.hasLeadUnit() ? byId.get(t.leadUnitId()) : null);
    }

    /** Writes the meeting's ledger as it stands today (every task, today's statuses); returns the tasks written. */
    public int export(Meeting meeting, Path out) {
        LocalDate today = tracking.today();
        return write(meeting, out, today, null);
    }

    /**
     * Writes the meeting's ledger as it stood on {@code day} (a meeting pack's day): the tasks issued by
     * {@code issuedBy} (the pack's meeting's day) with the statuses of {@code day}. The title says which day the
     * statuses are of, and the day it was written.
     */
    public int export(Meeting meeting, Path out, LocalDate day, LocalDate issuedBy) {
        return write(meeting, out, day, issuedBy);
    }

    /** Tasks read at once: the rows are written as each piece is read, and leave memory once on disk. */
    static final int PIECE = 2000;

    /**
     * Writes the tasks of the meeting issued by {@code issuedBy} (all when null) with the statuses of {@code day}, a
     * piece of {@value #PIECE} tasks at a time, into a streaming workbook (rows beyond the last hundred go to a
     * temporary file, strings inline): the same cells and styles as a workbook held whole, which took 0.2 GB for
     * 10,000 tasks (issue 24).
     */
    private int write(Meeting meeting, Path out, LocalDate day, LocalDate issuedBy) {
        LocalDate today = tracking.today();
        int count = tasks.countIssued(TaskScope.meeting(meeting.id()), issuedBy);
        String heading = day.equals(today)
                ? words.tr("ledger.title", meeting.title(), meeting.heldOn(), today, count)
                : words.tr("ledger.titleAsOf", meeting.title(), meeting.heldOn(), day, today, count);
        Map<Long, Unit> byId = units.findAll().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, false);
        try {
            XlsxWriting.Styles styles = XlsxWriting.styles(wb.getXSSFWorkbook());
            Sheet sheet = wb.createSheet(words.tr("ledger.sheet"));
            int last = columns.size() - 1;

            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            styles.text(title.createCell(0), heading, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));

            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c <= last; c++) {
                LedgerColumn col = columns.get(c);
                styles.text(header.createCell(c), words.tr(col.headerKey()), styles.header);
                XlsxWriting.width(sheet, c, col.width());
            }
            int[] widths = columns.stream().mapToInt(LedgerColumn::width).toArray();
            Map<Integer, CellStyle> fills = new HashMap<>();
            int r = HEADER_ROW + 1;
            for (TaskScope piece : tasks.pieces(meeting.id(), PIECE)) {
                for (Task t : tracking.tasksOn(piece, day, issuedBy)) {
                    LedgerRow lr = row(t, byId);
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
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, last));
            XlsxWriting.printSetup(sheet, HEADER_ROW);
            XlsxWriting.save(wb, out);
            return r - HEADER_ROW - 1;
        } finally {
            wb.dispose(); // its temporary files
            try {
                wb.close();
            } catch (java.io.IOException e) {
                // nothing was read from a file: closing frees memory only
            }
        }
    }
}
