package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.duban.service.check.CheckReport;
import org.duban.service.check.Finding;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: a ledger whose audit trail was written before the chain (schema 4) is chained when it opens: every
 * existing row gets its hash in order from the first, the last row about each tracked record vouches for that record
 * as it is, and from then on an edit of either is named by {@code check}.
 */
class AuditChainMigrationTest {
    @TempDir
    Path dir;

    /** A version-4 ledger: a task with a share, a report changed once, its audit rows as version 4 wrote them. */
    private Path version4Ledger() {
        Path file = dir.resolve("v4.db");
        try (Database db = Database.open(file, Migrations.all().subList(0, 4))) {
            assertEquals(4, db.schemaVersion());
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                            + "(1, '蕉城区', '蕉城', 'DISTRICT', 1)");
                    st.executeUpdate("INSERT INTO meeting (id, kind, held_on, title) VALUES "
                            + "(1, 'ASSIGNMENT', '2026-03-19', '交办会')");
                    st.executeUpdate("INSERT INTO task (id, meeting_id, seq, source, category, problem, deadline) "
                            + "VALUES (1, 1, 1, '中央生态环境保护督察', '水环境', '问题一', '2026年底前')");
                    st.executeUpdate("INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1)");
                    st.executeUpdate("INSERT INTO progress_report (id, assignment_id, reported_on, percent, text, "
                            + "reporter) VALUES (1, 1, '2026-04-01', 40, '已启动', '张三')");
                    st.executeUpdate("INSERT INTO milestone (id, assignment_id, name, due_on) VALUES "
                            + "(1, 1, '完成方案', '2026-05-01')");
                    st.executeUpdate("INSERT INTO audit_log (id, at, operator, entity, entity_id, task_id, unit_id, "
                            + "action, field, old_value, new_value) VALUES "
                            + "(1, '2026-03-19T01:00:00Z', '秘书处', 'TASK', 1, 1, NULL, 'CREATE', '', NULL, '问题一'), "
                            + "(2, '2026-04-01T02:00:00Z', '秘书处', 'REPORT', 1, 1, 1, 'CREATE', '', NULL, "
                            + "'2026-04-01 30% 已启动'), "
                            + "(3, '2026-04-01T02:05:00Z', '秘书处', 'REPORT', 1, 1, 1, 'UPDATE', 'percent', '30', '40'), "
                            + "(4, '2026-04-02T02:00:00Z', '秘书处', 'MILESTONE', 1, 1, 1, 'CREATE', '', NULL, "
                            + "'完成方案')");
                }
                return null;
            });
        }
        return file;
    }

    private CheckReport check(Path file) {
        try (Database db = Database.openReadOnly(file)) {
            return Wired.of(db).checks().run();
        }
    }

    private static List<String> audit(CheckReport r) {
        return r.results().stream().filter(x -> x.titleKey().equals("check.audit")).findFirst().orElseThrow()
                .findings().stream().map(Finding::text).toList();
    }

    @Test
    void theExistingRowsAreChainedFromTheFirstAndVouchForTheRecordsAsTheyAre() {
        Path file = version4Ledger();
        AuditChain.Head head;
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
            head = AuditChain.head(db);
            AuditChain.Verification v = AuditChain.verify(db);
            assertEquals(List.of(), v.broken());
            assertEquals(List.of(), v.mismatches());
        }
        assertEquals(4, head.row());
        assertEquals(4, TestDb.sqlLong(file, "SELECT count(*) FROM audit_log WHERE length(hash) = 64"));
        assertEquals(1, TestDb.sqlLong(file, "SELECT count(DISTINCT hash) = 4 FROM audit_log"));
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM audit_log WHERE id = 2 AND state IS NOT NULL"),
                "only the last row about a record vouches for it: the report was changed after its CREATE row");
        assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM audit_log WHERE id = 3 AND state IS NOT NULL"));
        assertEquals(List.of(), audit(check(file)), "an upgraded ledger is clean");

        // the guards were put back: a row without its hash is refused
        assertTrue(TestDb.sqlString(file, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                + "WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name)")
                .equals("audit_log_chained,audit_log_no_delete,audit_log_no_update"));
    }

    @Test
    void afterTheUpgradeARecordChangedWithPlainSqlAndAnOldRowEditedAreNamed() {
        Path file = version4Ledger();
        Database.open(file).close();
        TestDb.otherTool(file, "UPDATE progress_report SET percent = 100 WHERE id = 1",
                "DROP TRIGGER audit_log_no_update",
                "UPDATE audit_log SET operator = '别人' WHERE id = 2",
                AuditChain.TRIGGERS.get("audit_log_no_update"));
        List<String> found = audit(check(file));
        assertTrue(found.stream().anyMatch(t -> t.contains("第 2 条的校验值与内容不符")), found.toString());
        assertTrue(found.stream().anyMatch(t -> t.contains("进展记录（编号 1）") && t.contains("不一致")),
                found.toString());
        assertEquals(2, found.size(), found.toString());
    }
}
