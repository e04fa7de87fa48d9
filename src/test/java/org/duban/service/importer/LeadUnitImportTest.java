package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitRepository;
import org.duban.service.tasks.TaskField;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.WordLists;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists that name three unit roles (issue 14): a 牵头单位 (lead unit, usually a city department), the 责任单位 that
 * carry the work and the 配合单位, with a 包案市领导. The lead unit is stored on the task and gets no share by leading.
 */
class LeadUnitImportTest {
    static final List<String> HEADER = List.of("序号", "存在问题", "整改目标", "整改措施", "包案市领导", "牵头部门",
            "责任主体", "配合单位", "完成时间");
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

    /** The list as offices publish it, as a Word table. */
    static Path list(Path file, String lead1, String lead3) {
        return WordLists.write(file, List.of("附件1", "宁德市2026年生态环境问题整改任务清单"), List.of(HEADER,
                List.of(WordLists.SPAN + "一、水环境"),
                List.of("1", "霍童溪流域生活污水直排", "消除直排口", WordLists.NUMBERED + "排查沿岸排口\n完成截污纳管",
                        "张副市长", lead1, "蕉城区、福安市", "市住建局", "2026年6月底前"),
                List.of("2", "城市黑臭水体返黑返臭", "长治久清", "控源截污", "李副市长", "市住建局", "各县（市、区）", "",
                        "2026年12月31日"),
                List.of(WordLists.SPAN + "二、海洋环境"),
                List.of("3", "海上养殖设施老化破损", "全面清理", WordLists.NUMBERED + "清理泡沫浮球\n推广环保浮球\n建立巡查制度",
                        "王副市长", lead3, "霞浦县", "市生态环境局", "2026年三季度末")));
    }

    private ImportPlan plan(Path file) {
        return importer.plan(importer.read(file), new ImportTarget.Existing(meeting.id()), OPTIONS);
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        new UnitRepository(db).findAll().forEach(u -> m.put(u.id(), u.name()));
        return m;
    }

    @Test
    void theLeadUnitIsStoredBesideTheUnitsThatCarryTheWork() {
        Path file = list(dir.resolve("三种单位.docx"), "市生态环境局", "市海洋与渔业局");
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertTrue(plan.warnings().isEmpty(), () -> plan.warnings().toString());
        assertEquals(TaskField.LEAD_UNIT, plan.columns().get(5).field());
        assertEquals(TaskField.UNITS, plan.columns().get(6).field());
        assertEquals(TaskField.LEADER, plan.columns().get(4).field());
        assertEquals(TaskField.DEADLINE, plan.columns().get(8).field());
        assertEquals(3, plan.taskCount());
        assertEquals(2 + 9 + 1, plan.assignmentCount(), "leading gives no share");
        Map<String, Integer> shares = new LinkedHashMap<>();
        plan.assignmentsByUnit().forEach((u, n) -> shares.put(u.name(), n));
        assertEquals(2, shares.get("蕉城区"));
        assertEquals(2, shares.get("霞浦县"));
        assertEquals(null, shares.get("市生态环境局"));

        importer.apply(importer.read(file), new ImportTarget.Existing(meeting.id()), OPTIONS, (d, t) -> { });
        List<Task> stored = db.read(c -> new TaskRepository(db).findByMeeting(meeting.id()));
        Map<Long, String> names = unitNames();
        assertEquals(List.of("市生态环境局", "市住房和城乡建设局", "市海洋与渔业局"),
                stored.stream().map(t -> names.get(t.leadUnitId())).toList());
        assertEquals("张副市长", stored.get(0).leader());
        assertEquals("1.排查沿岸排口\n2.完成截污纳管", stored.get(0).measures());
        assertEquals("1.清理泡沫浮球\n2.推广环保浮球\n3.建立巡查制度", stored.get(2).measures());
        assertEquals("市住建局", stored.get(0).supportingUnits());
        assertEquals(LocalDate.of(2026, 6, 30), stored.get(0).deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 31), stored.get(1).deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 9, 30), stored.get(2).deadline().dueDate().orElseThrow());
        assertEquals(List.of("蕉城区", "福安市"), stored.get(0).unitIds().stream().map(names::get).toList());
    }

    @Test
    void aRevisedListChangingTheLeadUnitUpdatesItAndSaysSo() {
        importer.apply(importer.read(list(dir.resolve("v1.docx"), "市生态环境局", "市海洋与渔业局")),
                new ImportTarget.Existing(meeting.id()), OPTIONS, (d, t) -> { });
        ImportPlan plan = plan(list(dir.resolve("v2.docx"), "市水利局", "市海洋与渔业局"));
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(PlannedRow.Change.UPDATED, plan.rows().get(0).change());
        assertEquals(PlannedRow.Change.UNCHANGED, plan.rows().get(2).change());
        FieldChange change = plan.rows().get(0).changes().get(0);
        assertEquals(TaskField.LEAD_UNIT, change.field());
        assertEquals("市生态环境局", change.before());
        assertEquals("市水利局", change.after());
    }

    /**
     * The audit chain vouches for the lead unit (a column the chain's own migration did not know): set and changed
     * by imports, the ledger checks clean; set behind the program's back by SQL, {@code check} names the task.
     */
    @Test
    void theAuditTrailVouchesForTheLeadUnit() throws Exception {
        importer.apply(importer.read(list(dir.resolve("v1.docx"), "市生态环境局", "市海洋与渔业局")),
                new ImportTarget.Existing(meeting.id()), OPTIONS, (d, t) -> { });
        importer.apply(importer.read(list(dir.resolve("v2.docx"), "市水利局", "市海洋与渔业局")),
                new ImportTarget.Existing(meeting.id()), OPTIONS, (d, t) -> { });
        org.duban.service.check.CheckReport clean = Wired.of(db).checks().run();
        assertTrue(clean.clean(), clean::toString);
        long other = new UnitRepository(db).findAll().stream().filter(u -> u.name().equals("市住建局")
                || u.name().equals("市住房和城乡建设局")).findFirst().orElseThrow().id();
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE task SET lead_unit_id = " + other + " WHERE seq = 1");
            }
            return null;
        });
        org.duban.service.check.CheckReport tampered = Wired.of(db).checks().run();
        assertFalse(tampered.clean());
        assertTrue(tampered.toString().contains("check.audit.state.changed"), tampered::toString);
    }

    @Test
    void severalLeadUnitsKeepTheFirstAndTheOthersSupportWithAWarning() {
        ImportPlan plan = plan(list(dir.resolve("两个牵头.docx"), "市生态环境局、市水利局", "市海洋与渔业局"));
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(1, plan.warnings().size());
        ImportProblem w = plan.warnings().get(0);
        assertEquals("import.problem.severalLeadUnits", w.key());
        assertEquals(3, w.row());
        assertEquals("F", w.column());
        assertEquals("市住建局、市水利局", plan.rows().get(0).task().supportingUnits());
    }

    @Test
    void anUnknownLeadUnitIsAnErrorAtItsCellAndNothingIsWritten() {
        Path file = list(dir.resolve("未知牵头.docx"), "市生态环境局", "市火星开发局");
        ImportBlockedException e = assertThrows(ImportBlockedException.class, () -> importer.apply(importer.read(file),
                new ImportTarget.Existing(meeting.id()), OPTIONS, (d, t) -> { }));
        ImportProblem p = e.plan().errors().get(0);
        assertEquals(6, p.row());
        assertEquals("F", p.column());
        assertEquals("牵头部门", p.header());
        assertEquals("validation.leadUnit.unknown", p.key());
        assertTrue(org.duban.i18n.Messages.tr(p.key(), p.args()).contains("市火星开发局"));
        assertEquals(0, db.read(c -> new TaskRepository(db).findByMeeting(meeting.id())).size());
    }

    @Test
    void aListWithOnly牵头单位ReadsItAsTheUnitsColumnAsBefore() {
        Path file = WordLists.write(dir.resolve("只有牵头.docx"), List.of(), List.of(
                List.of("序号", "问题", "牵头单位", "完成时限"),
                List.of("1", "河道垃圾清理不及时", "蕉城区", "2026年底前")));
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(TaskField.UNITS, plan.columns().get(2).field());
        assertEquals(0, plan.rows().get(0).task().leadUnitId());
        Unit u = plan.rows().get(0).units().get(0);
        assertEquals("蕉城区", u.name());
    }

    @org.junit.jupiter.api.Tag("sqlite-file") // the command line on a ledger file
    @Test
    void theDryRunOnTheCommandLineSaysWhichUnitsLeadHowManyTasks() {
        Path file = list(dir.resolve("三种单位-命令行.docx"), "市生态环境局", "市生态环境局");
        TestDb.withRoster(dir.resolve("cli")).close();
        Path cliDb = dir.resolve("cli").resolve("test.db");
        org.duban.testing.CliRunner.Result dry = org.duban.testing.CliRunner.run("--db", cliDb.toString(), "import",
                file.toString(), "--new-meeting", "--dry-run");
        assertEquals(0, dry.code(), dry.out() + dry.err());
        String out = dry.out();
        int at = out.indexOf("牵头单位（牵头任务数）：");
        assertTrue(at > out.indexOf("各单位任务数："), out);
        List<String> lines = out.substring(at).lines().skip(1).limit(2).map(String::strip).toList();
        assertEquals(List.of("市生态环境局", "市住房和城乡建设局"), lines.stream().map(l -> l.split("\\s+")[0]).toList(), out);
        assertEquals(List.of("2", "1"), lines.stream().map(l -> l.split("\\s+")[1]).toList(), "tasks led, in roster order");
        org.duban.testing.CliRunner.Result json = org.duban.testing.CliRunner.run("--db", cliDb.toString(), "import",
                file.toString(), "--new-meeting", "--dry-run", "--json");
        assertTrue(json.out().replaceAll("\\s+", "").contains(
                "\"tasksByLeadUnit\":[{\"unit\":\"市生态环境局\",\"tasks\":2},{\"unit\":\"市住房和城乡建设局\",\"tasks\":1}]"),
                json.out());
        assertEquals(0, TestDb.sqlLong(cliDb, "SELECT count(*) FROM task"), "a dry run writes nothing");
    }
}
