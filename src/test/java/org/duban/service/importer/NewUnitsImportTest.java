package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitRepository;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.WordLists;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units a list names that the roster does not know (issue 14): listed once with their rows, and added to the roster
 * with the import when the user says so, all in one transaction.
 */
class NewUnitsImportTest {
    private static final ImportOptions OPTIONS = ImportOptions.DEFAULT.withDefaultSource("市级排查");
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private TaskImporter importer;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        importer = Wired.of(db).plainImporter();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Path list(Path file, String lastDeadline) {
        return WordLists.write(file, List.of("附件1"), List.of(
                List.of("序号", "问题描述", "牵头单位", "责任单位", "完成时限"),
                List.of("1", "国省道沿线扬尘污染", "市市场监督管理局", "蕉城区、福安市", "2026年6月底前"),
                List.of("2", "城区餐饮油烟扰民", "市城管局", "市市场监督管理局、市应急管理局", "2026年9月30日"),
                List.of("3", "港区码头粉尘无组织排放", "市市场监督管理局", "宁德港口发展中心", lastDeadline)));
    }

    private ImportPlan plan(Path file, ImportOptions options) {
        return importer.plan(importer.read(file), new ImportTarget.Existing(meeting.id()), options);
    }

    @Test
    void theDryRunListsEachUnknownNameOnceWithItsRowsAndAGuessedKind() {
        ImportPlan plan = plan(list(dir.resolve("新单位.docx"), "2026年底前"), OPTIONS);
        assertTrue(plan.hasErrors());
        Map<String, String> rows = new LinkedHashMap<>();
        plan.unknownUnits().forEach(u -> rows.put(u.name(), u.rowsText() + " " + u.kind()));
        assertEquals(Map.of("市市场监督管理局", "2、3、4 CITY_DEPARTMENT", "市应急管理局", "3 CITY_DEPARTMENT",
                "宁德港口发展中心", "4 CITY_DEPARTMENT"), rows);
        assertEquals(List.of("市市场监督管理局", "市应急管理局", "宁德港口发展中心"),
                plan.missingUnits().stream().map(ImportPlan.UnknownUnit::name).toList());
    }

    @Test
    void chosenUnitsJoinTheRosterWithTheImportAndTheRowsImport() {
        Path file = list(dir.resolve("新单位.docx"), "2026年底前");
        Map<String, UnitKind> adding = new LinkedHashMap<>();
        adding.put("市市场监督管理局", UnitKind.CITY_DEPARTMENT);
        adding.put("市应急管理局", UnitKind.CITY_DEPARTMENT);
        adding.put("宁德港口发展中心", UnitKind.OTHER);
        ImportPlan plan = plan(file, OPTIONS.withNewUnits(adding));
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertTrue(plan.missingUnits().isEmpty());
        assertTrue(plan.unknownUnits().stream().allMatch(ImportPlan.UnknownUnit::added));
        int before = new UnitRepository(db).findAll().size();

        importer.apply(importer.read(file), new ImportTarget.Existing(meeting.id()), OPTIONS.withNewUnits(adding),
                (d, t) -> { });
        List<Unit> roster = new UnitRepository(db).findAll();
        assertEquals(before + 3, roster.size());
        Unit port = roster.stream().filter(u -> u.name().equals("宁德港口发展中心")).findFirst().orElseThrow();
        assertEquals(UnitKind.OTHER, port.kind());
        Unit transport = roster.stream().filter(u -> u.name().equals("市市场监督管理局")).findFirst().orElseThrow();
        List<Task> stored = db.read(c -> new TaskRepository(db).findByMeeting(meeting.id()));
        assertEquals(3, stored.size());
        assertEquals(transport.id(), stored.get(0).leadUnitId());
        assertTrue(stored.get(1).unitIds().contains(transport.id()));
        assertEquals(List.of(port.id()), stored.get(2).unitIds());
        assertTrue(TestDb.sqlLong(db,
                "SELECT count(*) FROM audit_log WHERE entity = 'UNIT' AND action = 'CREATE'") >= 3, "added units are audited");
    }

    @Test
    void anImportThatFailsAddsNoUnitEither() {
        Path file = list(dir.resolve("有错.docx"), "明年某时");
        Map<String, UnitKind> adding = Map.of("市市场监督管理局", UnitKind.CITY_DEPARTMENT,
                "市应急管理局", UnitKind.CITY_DEPARTMENT, "宁德港口发展中心", UnitKind.OTHER);
        int before = new UnitRepository(db).findAll().size();
        ImportBlockedException e = assertThrows(ImportBlockedException.class, () -> importer.apply(importer.read(file),
                new ImportTarget.Existing(meeting.id()), OPTIONS.withNewUnits(adding), (d, t) -> { }));
        assertEquals(4, e.plan().errors().get(0).row());
        assertEquals(before, new UnitRepository(db).findAll().size(), "the units came and went with the import");
        assertEquals(0, db.read(c -> new TaskRepository(db).findByMeeting(meeting.id())).size());
    }

    @org.junit.jupiter.api.Tag("sqlite-file") // the command line on a ledger file
    @Test
    void theCommandLineListsUnknownUnitsAndAddsThemWithAddUnits() {
        Path file = list(dir.resolve("新单位.docx"), "2026年底前");
        Path ledger = dir.resolve("cli.db");
        TestDb.withRoster(dir.resolve("cli")).close();
        Path cliDb = dir.resolve("cli").resolve("test.db");
        CliRunner.Result dry = CliRunner.run("--db", cliDb.toString(), "import", file.toString(), "--source", "市级排查",
                "--new-meeting");
        assertEquals(1, dry.code(), dry.out() + dry.err());
        assertTrue(dry.out().contains("市市场监督管理局（第 2、3、4 行，市直部门）"), dry.out());
        assertTrue(dry.out().contains("--add-units"), dry.out());
        CliRunner.Result added = CliRunner.run("--db", cliDb.toString(), "import", file.toString(), "--source", "市级排查",
                "--new-meeting", "--add-units", "--unit-kind", "宁德港口发展中心=其他");
        assertEquals(0, added.code(), added.out() + added.err());
        assertTrue(added.out().contains("导入时添加到单位名单的单位 3 个"), added.out());
        assertEquals("OTHER", TestDb.sqlString(cliDb, "SELECT kind FROM unit WHERE name = '宁德港口发展中心'"));
        assertEquals(3, TestDb.sqlLong(cliDb, "SELECT count(*) FROM task"));
        CliRunner.Result check = CliRunner.run("--db", cliDb.toString(), "check");
        assertEquals(0, check.code(), "the added units and imported tasks are audited as the checks expect: "
                + check.out() + check.err());
        assertFalse(ledger.toFile().exists());
    }
}
