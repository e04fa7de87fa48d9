package org.duban.service.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.PlannedRow;
import org.duban.service.importer.TaskImporter;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported ledger: layout, print set-up, formula-like text, and the export → import round trip. */
class LedgerExporterTest {
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        OfficeLists.importInto(db, meeting, dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void ledgerHasFrozenFilteredHeaderAndLandscapeFitToWidthPrinting() throws Exception {
        Path out = dir.resolve("台账.xlsx");
        assertEquals(OfficeLists.TASKS, Wired.of(db).ledgerExporter().export(meeting, out));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("序号", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
            assertEquals("A2:O16", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertTrue(sheet.getPrintSetup().getLandscape());
            assertEquals(1, sheet.getPrintSetup().getFitWidth());
            assertEquals(0, sheet.getPrintSetup().getFitHeight());
            assertTrue(sheet.getFitToPage());
            assertEquals("2:2", sheet.getRepeatingRows().formatAsString());
            assertEquals(OfficeLists.TASKS + 2, sheet.getPhysicalNumberOfRows());
            assertEquals("蕉城区、福安市、霞浦县", sheet.getRow(2).getCell(6).getStringCellValue());
            assertEquals("牵头单位", sheet.getRow(1).getCell(7).getStringCellValue());
            assertEquals("2026-06-30", sheet.getRow(2).getCell(12).getStringCellValue());
            assertEquals("未启动", sheet.getRow(2).getCell(13).getStringCellValue());
            assertTrue(sheet.getColumnWidth(3) > sheet.getColumnWidth(0) * 4, "the problem column is wide");
        }
    }

    @Test
    void formulaLikeTextIsWrittenAsTextNeverAsAFormula() throws Exception {
        TaskRepository repo = new TaskRepository(db);
        Task t = repo.findByMeeting(meeting.id()).get(0);
        repo.update(new Task(t.id(), t.meetingId(), t.seq(), "+86 来源", "-类别", "=HYPERLINK(\"http://x\")", "@目标",
                t.measures(), t.leader(), t.supportingUnits(), t.deadline(), "=1+1", t.assignments()),
                java.time.LocalDate.of(2026, 5, 1), null);
        Path out = dir.resolve("台账.xlsx");
        Wired.of(db).ledgerExporter().export(meeting, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            var cell = wb.getSheetAt(0).getRow(2).getCell(3);
            assertEquals(CellType.STRING, cell.getCellType());
            assertEquals("=HYPERLINK(\"http://x\")", cell.getStringCellValue());
            assertTrue(cell.getCellStyle().getQuotePrefixed());
            assertEquals("=1+1", wb.getSheetAt(0).getRow(2).getCell(11).getStringCellValue());
        }
        try (ZipFile zip = new ZipFile(out.toFile()); InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(xml.contains("<f>") || xml.contains("<f "), "no formula element in the sheet");
        }
    }

    @Test
    void exportThenImportIntoAnotherMeetingKeepsEveryField() {
        TaskRepository repo = new TaskRepository(db);
        Task led = repo.findByMeeting(meeting.id()).get(2);
        long water = new org.duban.persistence.UnitRepository(db).findAll().stream()
                .filter(u -> u.name().equals("市水利局")).findFirst().orElseThrow().id();
        repo.update(new Task(led.id(), led.meetingId(), led.seq(), led.source(), led.category(), led.problem(),
                led.target(), led.measures(), led.leader(), led.supportingUnits(), led.deadline(), led.remarks(),
                led.assignments(), water), java.time.LocalDate.of(2026, 5, 1), null);
        Path out = dir.resolve("台账.xlsx");
        Wired.of(db).ledgerExporter().export(meeting, out);
        Meeting other = Wired.of(db).meetings().create(new Meeting(0, meeting.kind(), meeting.heldOn(), "副本", ""));
        TaskImporter importer = Wired.of(db).plainImporter();
        ImportPlan plan = importer.plan(importer.read(out), new ImportTarget.Existing(other.id()), ImportOptions.DEFAULT);
        assertTrue(plan.warnings().isEmpty(), () -> plan.warnings().toString());
        importer.apply(importer.read(out), new ImportTarget.Existing(other.id()), ImportOptions.DEFAULT, (d, t) -> { });

        List<Task> original = new TaskRepository(db).findByMeeting(meeting.id());
        List<Task> copy = new TaskRepository(db).findByMeeting(other.id());
        assertEquals(original.size(), copy.size());
        assertEquals(water, copy.get(2).leadUnitId(), "the lead unit goes out and comes back");
        for (int i = 0; i < original.size(); i++) {
            Task a = original.get(i);
            Task b = copy.get(i);
            assertEquals(List.of(a.seq(), a.source(), a.category(), a.problem(), a.target(), a.measures(), a.leader(),
                            a.supportingUnits(), a.deadline().phrase(), a.remarks(), a.unitIds(), a.leadUnitId()),
                    List.of(b.seq(), b.source(), b.category(), b.problem(), b.target(), b.measures(), b.leader(),
                            b.supportingUnits(), b.deadline().phrase(), b.remarks(), b.unitIds(), b.leadUnitId()),
                    "task " + a.seq());
        }
        // and re-importing the ledger into the meeting it came from changes nothing
        ImportPlan same = importer.plan(importer.read(out), new ImportTarget.Existing(meeting.id()), ImportOptions.DEFAULT);
        assertEquals(OfficeLists.TASKS, same.count(PlannedRow.Change.UNCHANGED));
        assertNotNull(same.title());
    }
}
