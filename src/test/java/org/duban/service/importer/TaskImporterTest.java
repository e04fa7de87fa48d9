package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.service.tasks.TaskField;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports of task lists as offices write them, into a real SQLite file. */
class TaskImporterTest {
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private TaskImporter importer;
    private final List<String> supervisedSeqs = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        importer = Wired.of(db).importer(new ImportHooks() {
            @Override
            public void supervision(Task task, boolean supervised) {
                if (supervised) {
                    supervisedSeqs.add(String.valueOf(task.seq()));
                }
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportTarget into() {
        return new ImportTarget.Existing(meeting.id());
    }

    private ImportPlan plan(Path file) {
        return importer.plan(importer.read(file), into(), ImportOptions.DEFAULT);
    }

    private ImportResult apply(Path file) {
        return importer.apply(importer.read(file), into(), ImportOptions.DEFAULT, (d, t) -> { });
    }

    private static Map<String, Integer> perUnit(ImportPlan plan) {
        Map<String, Integer> m = new LinkedHashMap<>();
        plan.assignmentsByUnit().forEach((u, n) -> m.put(u.name(), n));
        return m;
    }

    private void assertMessyListRead(ImportPlan plan) {
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(4, plan.headerRow());
        assertEquals(OfficeLists.TITLE, plan.title());
        assertEquals(OfficeLists.TASKS, plan.taskCount());
        assertEquals(OfficeLists.ASSIGNMENTS, plan.assignmentCount());
        assertEquals(OfficeLists.PER_UNIT, perUnit(plan));
        assertEquals(2, plan.supervisedCount());
    }

    @Test
    void messyXlsxGivesTheRightTasksAndAssignmentsPerUnit() {
        assertMessyListRead(plan(OfficeLists.xlsx(dir.resolve("清单.xlsx"))));
    }

    @Test
    void oldXlsFileReadsTheSame() {
        assertMessyListRead(plan(OfficeLists.xls(dir.resolve("清单.xls"))));
    }

    @Test
    void gbkCsvFromChineseExcelReadsTheSame() {
        ImportPlan plan = plan(OfficeLists.csv(dir.resolve("清单.csv"), Charset.forName("GBK"), false));
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(OfficeLists.TASKS, plan.taskCount());
        assertEquals(OfficeLists.PER_UNIT, perUnit(plan));
    }

    @Test
    void utf8CsvWithAndWithoutBomReadsTheSame() {
        for (boolean bom : new boolean[] {true, false}) {
            ImportPlan plan = plan(OfficeLists.csv(dir.resolve("u" + bom + ".csv"), StandardCharsets.UTF_8, bom));
            assertEquals(OfficeLists.PER_UNIT, perUnit(plan), "bom " + bom);
            assertEquals("三都澳海域海上养殖无序扩张，\n泡沫浮球等养殖设施老化破损。", plan.rows().get(0).task().problem());
        }
    }

    @Test
    void sectionRowsBecomeSourceAndCategoryOfTheRowsUnderThem() {
        ImportPlan plan = plan(OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        Map<Integer, Task> bySeq = plan.rows().stream().collect(Collectors.toMap(r -> r.task().seq(), PlannedRow::task));
        assertEquals(OfficeLists.SOURCE_1, bySeq.get(1).source());
        assertEquals("", bySeq.get(1).category());
        assertEquals(OfficeLists.SOURCE_2, bySeq.get(5).source());
        assertEquals("大气环境", bySeq.get(5).category());
        assertEquals("水环境", bySeq.get(8).category());
        assertEquals(OfficeLists.SOURCE_3, bySeq.get(14).source());
        assertEquals("", bySeq.get(14).category());
    }

    @Test
    void everyDeadlineFormIsReadIncludingADateCellAndALineBreak() {
        ImportPlan plan = plan(OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        Map<Integer, Task> bySeq = plan.rows().stream().collect(Collectors.toMap(r -> r.task().seq(), PlannedRow::task));
        assertEquals(LocalDate.of(2026, 6, 30), bySeq.get(1).deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 9, 30), bySeq.get(2).deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 31), bySeq.get(3).deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 9, 30), bySeq.get(5).deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 10, 31), bySeq.get(6).deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2027, 6, 30), bySeq.get(8).deadline().dueDate().orElseThrow());
        assertTrue(bySeq.get(9).deadline().isImmediate());
        assertTrue(bySeq.get(10).deadline().isOngoing());
        assertTrue(bySeq.get(11).deadline().isImmediate() && bySeq.get(11).deadline().isOngoing());
        assertEquals(LocalDate.of(2026, 7, 15), bySeq.get(13).deadline().dueDate().orElseThrow());
        assertTrue(bySeq.get(14).deadline().isOngoing());
        assertEquals(LocalDate.of(2026, 12, 31), bySeq.get(14).deadline().dueDate().orElseThrow());
    }

    @Test
    void aMergedUnitCellGivesItsUnitsToEveryRowItCovers() {
        ImportPlan plan = plan(OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        PlannedRow r12 = plan.rows().stream().filter(r -> r.task().seq() == 12).findFirst().orElseThrow();
        assertEquals(List.of("屏南县", "柘荣县"), r12.units().stream().map(Unit::name).toList());
    }

    @Test
    void importWritesEveryTaskAndAssignmentAndTheSupervisionHookSeesTheMarkedRows() {
        ImportResult result = apply(OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        assertEquals(OfficeLists.TASKS, result.plan().count(PlannedRow.Change.ADDED));
        assertEquals(OfficeLists.TASKS, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE meeting_id = " + meeting.id()));
        assertEquals(OfficeLists.ASSIGNMENTS, TestDb.sqlLong(db, "SELECT count(*) FROM assignment"));
        assertEquals(6, TestDb.sqlLong(db, "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
                + "WHERE u.name = '柘荣县'"));
        assertEquals("挂牌督办", TestDb.sqlString(db, "SELECT remarks FROM task WHERE seq = 1"));
        assertEquals(List.of("1", "2"), supervisedSeqs);
    }

    @Test
    void importRejectsRowWithUnknownUnitAndTheDatabaseIsUnchanged() {
        apply(OfficeLists.xlsx(dir.resolve("first.xlsx")));
        String before = dump();
        List<List<Object>> rows = new ArrayList<>(OfficeLists.rows());
        rows.add(OfficeLists.task(15, "新问题", "", "", "蕉城区、火星区", "", "", "2026年底前", ""));
        rows.add(OfficeLists.task(16, "另一个问题", "", "", "福安市", "", "", "尽快", ""));
        Path bad = OfficeLists.xlsx(dir.resolve("bad.xlsx"), rows);

        ImportPlan plan = plan(bad);
        assertTrue(plan.hasErrors());
        ImportProblem unit = plan.errors().stream().filter(p -> p.value().contains("火星区")).findFirst().orElseThrow();
        assertEquals("E", unit.column());
        assertEquals("牵头\n单位", unit.header());
        assertTrue(unit.message().contains("火星区"), unit.message());
        ImportProblem deadline = plan.errors().stream().filter(p -> p.value().equals("尽快")).findFirst().orElseThrow();
        assertEquals("H", deadline.column());
        assertEquals(unit.row() + 1, deadline.row());

        assertThrows(ImportBlockedException.class, () -> apply(bad));
        assertEquals(before, dump(), "nothing of the bad file was written");
    }

    @Test
    void aFailureHalfWayRollsBackEveryRow() {
        TaskImporter failing = Wired.of(db).importer(new ImportHooks() {
            @Override
            public void supervision(Task task, boolean supervised) {
                if (task.seq() == 10) {
                    throw new IllegalStateException("disk gone");
                }
            }
        });
        String before = dump();
        Path file = OfficeLists.xlsx(dir.resolve("清单.xlsx"));
        assertThrows(IllegalStateException.class, () -> failing.apply(failing.read(file), into(), ImportOptions.DEFAULT,
                (d, t) -> { }));
        assertEquals(before, dump());
    }

    /** Past the importer's batches (500 tasks a statement round, audit rows buffered): still all or nothing. */
    @Test
    void aLongListFailingNearItsEndWritesNothingAndABadRowThereIsNamed() {
        List<List<Object>> rows = new ArrayList<>(List.of(OfficeLists.rows().get(0))); // the section: 来源
        for (int seq = 1; seq <= 1_200; seq++) {
            rows.add(OfficeLists.task(seq, "第" + seq + "项问题：污水管网破损，雨污混流。", "", "", "蕉城区、福安市", "", "",
                    "2026年底前", ""));
        }
        Path file = OfficeLists.xlsx(dir.resolve("long.xlsx"), rows);
        TaskImporter failing = Wired.of(db).importer(new ImportHooks() {
            @Override
            public void supervision(Task task, boolean supervised) {
                if (task.seq() == 1_150) {
                    throw new IllegalStateException("disk gone");
                }
            }
        });
        String before = dump() + TestDb.sqlString(db, "SELECT count(*) FROM audit_log");
        assertThrows(IllegalStateException.class, () -> failing.apply(failing.read(file), into(), ImportOptions.DEFAULT,
                (d, t) -> { }));
        assertEquals(before, dump() + TestDb.sqlString(db, "SELECT count(*) FROM audit_log"));

        rows.set(1_199, OfficeLists.task(1_199, "第1199项问题", "", "", "火星区", "", "", "2026年底前", ""));
        Path bad = OfficeLists.xlsx(dir.resolve("long-bad.xlsx"), rows);
        ImportBlockedException blocked = assertThrows(ImportBlockedException.class, () -> apply(bad));
        ImportProblem unit = blocked.plan().errors().get(0);
        assertEquals(1, blocked.plan().errors().size());
        assertEquals("E", unit.column());
        assertTrue(unit.message().contains("火星区"), unit.message());
        assertEquals(plan(bad).errors().get(0).row(), unit.row());
        assertTrue(unit.row() > 1_199, "the row number counts the heading rows above: " + unit.row());
        assertEquals(before, dump() + TestDb.sqlString(db, "SELECT count(*) FROM audit_log"));
    }

    @Test
    void reimportingTheSameFileChangesNothingAndAnEditedFileUpdatesBySeq() {
        Path file = OfficeLists.xlsx(dir.resolve("清单.xlsx"));
        apply(file);
        ImportResult again = apply(file);
        assertEquals(OfficeLists.TASKS, again.plan().count(PlannedRow.Change.UNCHANGED));
        assertEquals(OfficeLists.TASKS, TestDb.sqlLong(db, "SELECT count(*) FROM task"));

        List<List<Object>> rows = new ArrayList<>(OfficeLists.rows());
        int i = rows.indexOf(rows.stream().filter(r -> r.size() > 1 && r.get(0).equals(3)).findFirst().orElseThrow());
        rows.set(i, OfficeLists.task(3, "乡镇生活污水处理设施运行负荷率低。", "正常运行率达到95%以上", "实施雨污分流改造",
                "蕉城区、福安市", "市住建局", "各县（市、区）政府分管负责同志", "2026年9月底前", ""));
        ImportResult edited = apply(OfficeLists.xlsx(dir.resolve("edited.xlsx"), rows));
        assertEquals(1, edited.plan().count(PlannedRow.Change.UPDATED));
        assertEquals(OfficeLists.TASKS - 1, edited.plan().count(PlannedRow.Change.UNCHANGED));
        PlannedRow updated = edited.plan().rows().stream().filter(r -> r.change() == PlannedRow.Change.UPDATED)
                .findFirst().orElseThrow();
        assertEquals(List.of(TaskField.UNITS, TaskField.DEADLINE),
                updated.changes().stream().map(FieldChange::field).toList());
        assertEquals("2026年底前", updated.changes().get(1).before());
        assertEquals("2026年9月底前", updated.changes().get(1).after());
        assertTrue(edited.plan().warnings().isEmpty(), "what changes data is not a 提示: " + edited.plan().warnings());
        assertEquals(List.of("福鼎市", "霞浦县", "古田县", "屏南县", "寿宁县", "周宁县", "柘荣县"),
                updated.withdrawals().stream().map(w -> w.unit().name()).toList());
        assertEquals(7, edited.plan().withdrawals().size());
        assertEquals(OfficeLists.TASKS, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        assertEquals(2, TestDb.sqlLong(db, "SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id "
                + "WHERE t.seq = 3 AND a.withdrawn_on IS NULL"));
        assertEquals(7, TestDb.sqlLong(db, "SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id "
                + "WHERE t.seq = 3 AND a.withdrawn_by = " + edited.run().id()), "withdrawn by this import");
        assertEquals("2026-09-30", TestDb.sqlString(db, "SELECT due_date FROM task WHERE seq = 3"));
    }

    @Test
    void aRepeatedSeqIsAnErrorNamingTheFirstRow() {
        Path file = OfficeLists.xlsx(dir.resolve("dup.xlsx"), List.of(
                OfficeLists.task(1, "甲", "", "", "蕉城区", "", "", "2026年底前", ""),
                OfficeLists.task(1, "乙", "", "", "福安市", "", "", "2026年底前", "")));
        ImportPlan plan = importer.plan(importer.read(file), into(), ImportOptions.DEFAULT.withDefaultSource("市级排查"));
        assertEquals(1, plan.errors().size(), () -> plan.errors().toString());
        ImportProblem p = plan.errors().get(0);
        assertEquals("import.problem.duplicateSeq", p.key());
        assertEquals(6, p.row());
        assertTrue(p.message().contains("第 5 行"), p.message());
    }

    @Test
    void aFileWithoutHeadingsSaysSo() {
        Path file = dir.resolve("x.csv");
        try {
            java.nio.file.Files.writeString(file, "甲,乙\n1,2\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ImportPlan plan = plan(file);
        assertEquals("import.problem.noHeader", plan.errors().get(0).key());
    }

    @Test
    void anEditedMappingIsUsedAndAMissingDeadlineColumnBlocks() {
        Path file = OfficeLists.xlsx(dir.resolve("清单.xlsx"));
        Map<Integer, TaskField> mapping = new java.util.HashMap<>();
        mapping.put(7, null); // the user says: do not import 整改时限
        ImportPlan plan = importer.plan(importer.read(file), into(), ImportOptions.DEFAULT.withMapping(mapping));
        assertTrue(plan.errors().stream().anyMatch(p -> p.key().equals("import.problem.missingColumn")));

        mapping.put(7, TaskField.DEADLINE);
        mapping.put(8, TaskField.CATEGORY); // and 备注 goes to 问题类别
        ImportPlan remapped = importer.plan(importer.read(file), into(), ImportOptions.DEFAULT.withMapping(mapping));
        assertFalse(remapped.hasErrors());
        assertEquals("挂牌督办", remapped.rows().get(0).task().category());
        assertEquals("", remapped.rows().get(0).task().remarks());
    }

    @Test
    void aNewMeetingIsCreatedInTheSameTransactionAndTitledAfterTheList() {
        ImportResult r = importer.apply(importer.read(OfficeLists.xlsx(dir.resolve("清单.xlsx"))),
                new ImportTarget.NewMeeting("", LocalDate.of(2026, 3, 19)), ImportOptions.DEFAULT, (d, t) -> { });
        assertTrue(r.meetingCreated());
        assertEquals(OfficeLists.TITLE, r.meeting().title());
        assertEquals(OfficeLists.TASKS, new TaskRepository(db).findByMeeting(r.meeting().id()).size());
    }

    /** Every row of the tables an import touches, as text: compares the file before and after. */
    private String dump() {
        StringBuilder sb = new StringBuilder();
        for (String sql : List.of("SELECT group_concat(id || '|' || meeting_id || '|' || seq || '|' || source || '|' "
                + "|| category || '|' || problem || '|' || deadline || '|' || remarks || '|' || updated_at, '#') FROM task",
                "SELECT group_concat(id || '|' || task_id || '|' || unit_id || '|' || status, '#') FROM assignment",
                "SELECT group_concat(id || '|' || title, '#') FROM meeting")) {
            sb.append(TestDb.sqlString(db, sql)).append('\n');
        }
        return sb.toString();
    }
}
