package org.duban.service.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("sqlite-file") // breaks the file through SQLite with foreign keys off, then checks it
class CheckServiceTest {
    @TempDir
    Path dir;

    private CheckReport check(Path file) {
        try (Database db = Database.openReadOnly(file)) {
            return Wired.of(db).checks().run();
        }
    }

    private static List<String> texts(CheckReport r, String titleKey) {
        return r.results().stream().filter(x -> x.titleKey().equals(titleKey)).findFirst().orElseThrow()
                .findings().stream().map(Finding::text).toList();
    }

    @Test
    void theSampleLedgerIsClean() {
        TestDb.withSample(dir).close();
        CheckReport r = check(dir.resolve("test.db"));
        assertTrue(r.clean(), r.toString());
        assertEquals(9, r.results().size(), "every rule of CheckService.standardChecks reports");
    }

    @Test
    void anAssignmentToAMissingUnitIsNamedByMeetingAndNumber() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        long unit = TestDb.sqlLong(file, "SELECT unit_id FROM assignment a JOIN task t ON t.id = a.task_id WHERE t.seq = 3 LIMIT 1");
        TestDb.otherTool(file, "DELETE FROM unit WHERE id = " + unit);
        CheckReport r = check(file);
        List<String> found = texts(r, "check.assignmentUnits");
        assertTrue(found.stream().anyMatch(t -> t.contains("序号 3") && t.contains("编号 " + unit)), found.toString());
        List<String> orphans = texts(r, "check.orphans");
        assertTrue(orphans.stream().noneMatch(t -> t.contains("assignment")), "reported once, by the specific rule");
        assertTrue(orphans.stream().anyMatch(t -> t.contains("unit_alias")), "its aliases are left dangling");
    }

    @Test
    void orphanRowsDeadlinesAndTasksWithoutUnitsAreFound() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        TestDb.otherTool(file,
                "INSERT INTO assignment (task_id, unit_id) VALUES (99999, 1)",
                "UPDATE task SET deadline = '尽快' WHERE seq = 5",
                "UPDATE task SET due_date = '2020-01-01' WHERE seq = 6",
                // the task's units go with their records, so that only "a task without units" is left
                "DELETE FROM evidence WHERE assignment_id IN (SELECT id FROM assignment WHERE task_id = "
                        + "(SELECT id FROM task WHERE seq = 7))",
                "DELETE FROM progress_report WHERE assignment_id IN (SELECT id FROM assignment WHERE task_id = "
                        + "(SELECT id FROM task WHERE seq = 7))",
                "DELETE FROM milestone WHERE assignment_id IN (SELECT id FROM assignment WHERE task_id = "
                        + "(SELECT id FROM task WHERE seq = 7))",
                "DELETE FROM close_out WHERE assignment_id IN (SELECT id FROM assignment WHERE task_id = "
                        + "(SELECT id FROM task WHERE seq = 7))",
                "DELETE FROM assignment WHERE task_id = (SELECT id FROM task WHERE seq = 7)");
        CheckReport r = check(file);
        assertTrue(!r.clean());
        assertTrue(texts(r, "check.orphans").stream().anyMatch(t -> t.contains("assignment") && t.contains("task")));
        assertTrue(texts(r, "check.deadlines").stream().anyMatch(t -> t.contains("序号 5") && t.contains("尽快")));
        assertTrue(texts(r, "check.deadlines").stream().anyMatch(t -> t.contains("序号 6") && t.contains("2020-01-01")));
        assertTrue(texts(r, "check.taskUnits").stream().anyMatch(t -> t.contains("序号 7")));
        // records deleted with plain SQL are named by the audit trail too (issue 23)
        assertTrue(texts(r, "check.audit").stream().anyMatch(t -> t.contains("已不存在，但留痕中没有删除它")));
        assertEquals(4, r.problems() - texts(r, "check.audit").size());
    }

    @Test
    void checksArePluggable() {
        TestDb.withSample(dir).close();
        LedgerCheck alwaysWrong = new LedgerCheck() {
            @Override
            public String titleKey() {
                return "check.integrity";
            }

            @Override
            public List<Finding> run(Database db, Repositories repos) {
                return List.of(Finding.of("check.integrity.problem", "test"));
            }
        };
        try (Database db = Database.openReadOnly(dir.resolve("test.db"))) {
            CheckReport r = Wired.of(db).checks().with(List.of(alwaysWrong)).run();
            assertEquals(1, r.problems());
        }
    }
}
