package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.chart.ChartKey;
import org.duban.service.chart.ChartKind;
import org.duban.service.chart.ChartRequest;
import org.duban.service.chart.ChartService;
import org.duban.service.chart.ChartStyle;
import org.duban.service.handout.HandoutService;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.UnitGroup;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.charts.projector.ProjectorData;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A withdrawn share is out of every figure: 福安市 is taken off the sample's task 1 (it has reports and milestones
 * there), and each reader that counts — checklist, statistics, lights, charts, projector, bulletin, handouts,
 * return forms, ledger export, meeting pack, check — counts one share fewer for 福安市 and leaves it off task 1,
 * while its records stay in the file.
 */
class WithdrawnShareFiguresTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private AuditLog audit;
    private Meeting meeting;
    private Unit fuan;
    private long taskId;

    @BeforeEach
    void sample() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY.plusDays(1))); // after the sample's last audit row
        meeting = Wired.of(db).meetings().all().stream().filter(m -> m.title().equals(SampleMeeting.TITLE))
                .findFirst().orElseThrow();
        fuan = Wired.of(audit).tasks().units().stream().filter(u -> u.name().equals("福安市")).findFirst().orElseThrow();
        taskId = TestDb.sqlLong(db.file(), "SELECT id FROM task WHERE seq = 1 AND meeting_id = " + meeting.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** What each reader says about 福安市 and task 1. */
    private record Figures(int statsShares, int allShares, int lightShares, int chartShares, int projectorShares,
                           int bulletinShares, int handoutTasks, boolean handoutHasTask1, int returnRows,
                           boolean ledgerNamesFuanOnTask1, boolean checklistNamesFuanOnTask1,
                           boolean trackedHasFuanOnTask1, int checkFindings) {
    }

    private Figures figures(String tag) throws Exception {
        StatsService stats = Wired.of(audit).stats();
        var s = stats.stats(StatsScope.meeting(meeting.id()), DAY);
        var mine = s.units().stream().filter(u -> u.unit().id() == fuan.id()).findFirst().orElseThrow();
        int lights = mine.byLight().values().stream().mapToInt(Integer::intValue).sum();

        ChartService charts = new ChartService(stats);
        CategoryDataset d = charts.build(ChartRequest.of(ChartKind.STATUS, meeting.id(), DAY), ChartStyle.screen())
                .getCategoryPlot().getDataset();
        int chart = 0;
        for (int c = 0; c < d.getColumnCount(); c++) {
            if (((ChartKey) d.getColumnKey(c)).value() instanceof Unit u && u.id() == fuan.id()) {
                for (int r = 0; r < d.getRowCount(); r++) {
                    chart += d.getValue(r, c) == null ? 0 : d.getValue(r, c).intValue();
                }
            }
        }
        ProjectorData projector = ProjectorData.read(charts, meeting, StatsScope.meeting(meeting.id()),
                UnitGroup.COUNTIES, DAY, null);
        int projected = projector.units().stream().filter(b -> b.stats().unit().id() == fuan.id())
                .mapToInt(b -> b.stats().assignments()).sum();

        var bulletin = Wired.of(audit).bulletins().prepare(meeting.id(), DAY);
        int bulletinShares = bulletin.unitStats(fuan.id()).orElseThrow().assignments();

        HandoutService handouts = Wired.of(db).handouts();
        var data = handouts.read(meeting, DAY);
        int handoutTasks = handouts.units(data).stream().filter(h -> h.unit().id() == fuan.id())
                .mapToInt(HandoutService.UnitHandout::tasks).sum();
        boolean handoutHasTask1 = HandoutService.content(data, fuan, handouts.settings().load()).sections().stream()
                .flatMap(sec -> sec.entries().stream()).anyMatch(e -> e.task().id() == taskId);

        Path returns = Files.createDirectories(dir.resolve("returns-" + tag));
        Path fuanForm = Wired.of(db).returnForms().writeAll(meeting, returns).stream()
                .filter(p -> p.getFileName().toString().contains("福安市")).findFirst().orElseThrow();
        int returnRows = dataRows(fuanForm);

        boolean ledger = Wired.of(db).ledgerExporter().rows(meeting.id()).stream().filter(r -> r.task().id() == taskId)
                .findFirst().orElseThrow().units().stream().anyMatch(u -> u.id() == fuan.id());
        boolean checklist = Wired.of(audit).tasks().checklist(meeting.id()).stream()
                .filter(r -> r.task().id() == taskId).findFirst().orElseThrow().units().stream()
                .anyMatch(u -> u.id() == fuan.id());
        boolean tracked = Wired.of(audit).tracking().trackTask(taskId, DAY).stateOfUnit(fuan.id()).isPresent();
        var report = Wired.of(db).checks().run();
        int findings = report.problems();
        return new Figures(mine.assignments(), s.assignments(), lights, chart, projected, bulletinShares, handoutTasks,
                handoutHasTask1, returnRows, ledger, checklist, tracked, findings);
    }

    /** The filled rows under the heading of a unit's return form (one per share). */
    private static int dataRows(Path form) throws Exception {
        try (InputStream in = Files.newInputStream(form); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            DataFormatter f = new DataFormatter();
            int n = 0;
            for (Row r : wb.getSheetAt(0)) {
                if (r.getRowNum() > 2 && r.getCell(0) != null && f.formatCellValue(r.getCell(0)).matches("\\d+")) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    void aWithdrawnShareIsOutOfEveryFigureAndItsRecordsStay() throws Exception {
        Figures before = figures("before");
        assertTrue(before.checklistNamesFuanOnTask1() && before.ledgerNamesFuanOnTask1() && before.handoutHasTask1()
                && before.trackedHasFuanOnTask1(), before.toString());
        String records = "SELECT count(*) FROM progress_report r JOIN assignment a ON a.id = r.assignment_id "
                + "WHERE a.task_id = " + taskId + " AND a.unit_id = " + fuan.id();
        long reports = TestDb.sqlLong(db.file(), records);
        assertTrue(reports > 0);

        Wired.of(audit).tasks().update(taskId, new org.duban.service.tasks.TaskInput("1",
                TestDb.sqlString(db.file(), "SELECT source FROM task WHERE id = " + taskId),
                TestDb.sqlString(db.file(), "SELECT category FROM task WHERE id = " + taskId),
                TestDb.sqlString(db.file(), "SELECT problem FROM task WHERE id = " + taskId), "", "", "蕉城区、霞浦县", "",
                "", TestDb.sqlString(db.file(), "SELECT deadline FROM task WHERE id = " + taskId), ""));
        Figures after = figures("after");

        assertEquals(before.statsShares() - 1, after.statsShares(), "stats");
        assertEquals(before.allShares() - 1, after.allShares(), "stats, all units");
        assertEquals(before.lightShares() - 1, after.lightShares(), "lights");
        assertEquals(before.chartShares() - 1, after.chartShares(), "chart");
        assertEquals(before.projectorShares() - 1, after.projectorShares(), "projector");
        assertEquals(before.bulletinShares() - 1, after.bulletinShares(), "bulletin");
        assertEquals(before.handoutTasks() - 1, after.handoutTasks(), "handouts");
        assertFalse(after.handoutHasTask1(), "福安市's handout no longer lists task 1");
        assertEquals(before.returnRows() - 1, after.returnRows(), "return form");
        assertFalse(after.ledgerNamesFuanOnTask1(), "ledger export");
        assertFalse(after.checklistNamesFuanOnTask1(), "checklist");
        assertFalse(after.trackedHasFuanOnTask1(), "the task's light comes from its other units");
        assertEquals(before.checkFindings(), after.checkFindings(), "check finds nothing new");
        assertEquals(reports, TestDb.sqlLong(db.file(), records), "the reports stay in the file");

        // the meeting pack's ledger and handouts leave it out too
        var pack = Wired.of(audit).meetingPacks().write(meeting.id(), dir.resolve("pack"), (done, total, what) -> { });
        Path ledger;
        try (Stream<Path> files = Files.list(pack.folder())) {
            ledger = files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(ledger); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            DataFormatter f = new DataFormatter();
            boolean found = false;
            for (Row r : wb.getSheetAt(0)) {
                if (r.getCell(0) != null && f.formatCellValue(r.getCell(0)).equals("1")) {
                    found = true;
                    List<String> cells = new java.util.ArrayList<>();
                    r.forEach(c -> cells.add(f.formatCellValue(c)));
                    assertTrue(cells.stream().noneMatch(c -> c.contains("福安市")), cells.toString());
                }
            }
            assertTrue(found, "the pack's ledger lists task 1");
        }
    }
}
