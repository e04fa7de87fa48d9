package org.duban.service.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.persistence.AuditChain;
import org.duban.persistence.ChainForger;
import org.duban.persistence.Database;
import org.duban.testing.CliRunner;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial run of issue 23, one test per way of tampering: each went unnoticed by {@code check} before the
 * audit trail was chained and compared with the records.
 */
@org.junit.jupiter.api.Tag("sqlite-file") // tampers with the file through SQLite with its guards dropped
class AuditTamperTest {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void sample() {
        TestDb.withSample(dir).close();
        file = dir.resolve("test.db");
        assertTrue(check().clean(), "the sample, as the program wrote it, is clean: " + check());
    }

    private CheckReport check(LedgerCheck... more) {
        try (Database db = Database.openReadOnly(file)) {
            CheckService service = Wired.of(db).checks();
            List<LedgerCheck> checks = new ArrayList<>(service.checks());
            checks.addAll(List.of(more));
            return service.with(checks).run();
        }
    }

    private static List<String> texts(CheckReport r, String titleKey) {
        return r.results().stream().filter(x -> x.titleKey().equals(titleKey)).findFirst().orElseThrow()
                .findings().stream().map(Finding::text).toList();
    }

    private static void assertFound(List<String> found, String... parts) {
        assertTrue(found.stream().anyMatch(t -> List.of(parts).stream().allMatch(t::contains)),
                "a finding with " + List.of(parts) + " in " + found);
    }

    private AuditChain.Head head() {
        try (Database db = Database.openReadOnly(file)) {
            return AuditChain.head(db);
        }
    }

    @Test
    void auditRowsEditedWithTheTriggerDroppedAndPutBackAreEachNamed() {
        String guard = AuditChain.TRIGGERS.get("audit_log_no_update");
        TestDb.otherTool(file, "DROP TRIGGER audit_log_no_update",
                "UPDATE audit_log SET new_value = '100' WHERE id = 40",
                "UPDATE audit_log SET operator = '别人' WHERE id = 41",
                "UPDATE audit_log SET at = '2026-03-20T01:00:00Z' WHERE id = 60",
                "UPDATE audit_log SET old_value = 'x' WHERE id = 80",
                guard);
        List<String> found = texts(check(), "check.audit");
        for (long id : new long[] {40, 41, 60, 80}) {
            assertFound(found, "第 " + id + " 条的校验值与内容不符");
        }
        assertEquals(4, found.stream().filter(t -> t.contains("校验值与内容不符")).count(), found.toString());
    }

    @Test
    void theLastAuditRowsDeletedAreFound() {
        long milestone = TestDb.sqlLong(file, "SELECT min(id) FROM milestone WHERE done_on IS NULL");
        long before = TestDb.sqlLong(file, "SELECT max(id) FROM audit_log");
        try (Database db = Database.open(file)) {
            TestClock clock = new TestClock(LocalDate.of(2026, 11, 30));
            Wired.over(db, clock).progress().setMilestoneDone(milestone, LocalDate.of(2026, 11, 30));
        }
        assertTrue(check().clean());
        TestDb.otherTool(file, "DROP TRIGGER audit_log_no_delete",
                "DELETE FROM audit_log WHERE id > " + before,
                AuditChain.TRIGGERS.get("audit_log_no_delete"));
        List<String> found = texts(check(), "check.audit");
        assertFound(found, "节点记录（编号 " + milestone + "）", "与它最后一条留痕记下的内容不一致");
    }

    @Test
    void aGuardWeakenedUnderItsOwnNameIsFound() {
        TestDb.otherTool(file, "DROP TRIGGER audit_log_no_delete",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 BEGIN "
                        + "SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be deleted'); END");
        List<String> found = texts(check(), "check.audit");
        assertEquals(1, found.size(), found.toString());
        assertFound(found, "audit_log_no_delete", "被改过");
    }

    @Test
    void aReportsPercentChangedWithPlainSqlIsFound() {
        long report = TestDb.sqlLong(file, "SELECT min(id) FROM progress_report WHERE percent < 90");
        TestDb.otherTool(file, "UPDATE progress_report SET percent = 100 WHERE id = " + report);
        List<String> found = texts(check(), "check.audit");
        assertEquals(1, found.size(), found.toString());
        assertFound(found, "进展记录（编号 " + report + "）", "不一致");
    }

    @Test
    void aReportDeletedWithPlainSqlIsFound() {
        long report = TestDb.sqlLong(file, "SELECT min(id) FROM progress_report WHERE id NOT IN "
                + "(SELECT report_id FROM evidence WHERE report_id IS NOT NULL)");
        TestDb.otherTool(file, "DELETE FROM progress_report WHERE id = " + report);
        List<String> found = texts(check(), "check.audit");
        assertEquals(1, found.size(), found.toString());
        assertFound(found, "进展记录（编号 " + report + "）", "已不存在，但留痕中没有删除它");
    }

    @Test
    void everyReportRewrittenWithPlainSqlIsCountedAndTheFirstOnesNamed() {
        long changed = TestDb.sqlLong(file, "SELECT count(*) FROM progress_report WHERE percent <> 100");
        assertTrue(changed > AuditChainCheck.LISTED, "reports below 100%: " + changed);
        TestDb.otherTool(file, "UPDATE progress_report SET percent = 100");
        List<String> found = texts(check(), "check.audit");
        assertEquals(AuditChainCheck.LISTED, found.stream().filter(t -> t.contains("进展记录（编号")).count(),
                found.toString());
        assertFound(found, "另有 " + (changed - AuditChainCheck.LISTED) + " 处同类问题未列出");
    }

    @Test
    void anEvidenceRowDeletedWithPlainSqlIsFound() {
        long evidence = TestDb.sqlLong(file, "SELECT max(id) FROM evidence");
        TestDb.otherTool(file, "DELETE FROM evidence WHERE id = " + evidence);
        List<String> found = texts(check(), "check.audit");
        assertFound(found, "佐证材料记录（编号 " + evidence + "）", "已不存在");
    }

    @Test
    void aNoticeOrTalkSlippedInWithPlainSqlIsFound() {
        long unit = TestDb.sqlLong(file, "SELECT min(id) FROM unit");
        TestDb.otherTool(file, "INSERT INTO notice (id, unit_id, level, issued_on, response_due, draft, number_year, "
                        + "number_seq, number_text, created_at) VALUES (900, " + unit + ", 1, '2026-06-01', "
                        + "'2026-06-10', 0, 2026, 90, '督催〔2026〕90号', '2026-06-01T01:00:00Z')",
                "INSERT INTO interview (id, unit_id, held_on, leader, created_at) VALUES (901, " + unit
                        + ", '2026-06-02', '副市长', '2026-06-02T01:00:00Z')");
        List<String> found = texts(check(), "check.audit");
        assertFound(found, "催办督办记录（编号 900）在留痕中没有任何记录");
        assertFound(found, "约谈记录（编号 901）在留痕中没有任何记录");
        assertEquals(2, found.size(), found.toString());
    }

    @Test
    void aTaskSlippedInWithPlainSqlIsFound() {
        long id = TestDb.sqlLong(file, "SELECT max(id) + 1 FROM task");
        TestDb.otherTool(file, "INSERT INTO task (id, meeting_id, seq, source, category, problem, deadline) "
                + "VALUES (" + id + ", 1, 99, '中央生态环境保护督察', '', '补录的问题', '2026年底前')");
        List<String> found = texts(check(), "check.audit");
        assertFound(found, "任务记录（编号 " + id + "）在留痕中没有任何记录");
        assertEquals(1, found.size(), found.toString());
    }

    @Test
    void aTaskDeletedWithPlainSqlIsFound() {
        long task = TestDb.sqlLong(file, "SELECT id FROM task WHERE seq = 9");
        TestDb.otherTool(file, "DELETE FROM task WHERE id = " + task);
        List<String> found = texts(check(), "check.audit");
        assertFound(found, "任务记录（编号 " + task + "）", "已不存在，但留痕中没有删除它");
    }

    @Test
    void aForgedReportWithAMatchingForgedAuditRowIsCaughtAgainstAnEarlierAnchor() {
        AuditChain.Head printed = head();
        String anchor = printed.shortHash() + " / 第 " + printed.row() + " 条";
        assertTrue(check(new AnchorCheck(AnchorCheck.parse(anchor))).clean());

        // a report back-dated into the spring, its CREATE row slipped in where it would have been, the chain rebuilt
        long share = TestDb.sqlLong(file, "SELECT min(assignment_id) FROM progress_report");
        long task = TestDb.sqlLong(file, "SELECT task_id FROM assignment WHERE id = " + share);
        long k = 200;
        String at = TestDb.sqlString(file, "SELECT at FROM audit_log WHERE id = " + k);
        ChainForger.rewriteAndRechain(file,
                "INSERT INTO progress_report (id, assignment_id, reported_on, percent, text) VALUES (9999, " + share
                        + ", '2026-04-20', 100, '已全部完成')",
                "UPDATE audit_log SET id = -id WHERE id > " + k,
                "UPDATE audit_log SET id = -id + 1 WHERE id < 0",
                "INSERT INTO audit_log (id, at, operator, entity, entity_id, task_id, action, new_value) VALUES ("
                        + (k + 1) + ", '" + at + "', '秘书处', 'REPORT', 9999, " + task
                        + ", 'CREATE', '2026-04-20 100% 已全部完成')");

        assertTrue(check().clean(), "a whole new chain holds together on its own: " + check());
        CheckReport r = check(new AnchorCheck(AnchorCheck.parse(anchor)));
        List<String> found = texts(r, "check.anchor");
        assertEquals(1, found.size(), r.toString());
        assertFound(found, "第 " + printed.row() + " 条的校验值是", "与早先打印的");
    }

    @Test
    void theCheckCommandTakesAPrintedHeadAndPrintsTheCurrentOne() {
        AuditChain.Head h = head();
        CliRunner.Result ok = CliRunner.run("--db", file.toString(), "check", "--anchor",
                h.shortHash() + " / 第 " + h.row() + " 条");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("留痕校验 " + h.shortHash() + " / 第 " + h.row() + " 条"), ok.out());
        assertTrue(ok.out().contains("✓ 留痕校验与早先打印的校验值一致"), ok.out());

        CliRunner.Result wrong = CliRunner.run("--db", file.toString(), "check", "--anchor",
                "00000000…00000000 / 第 " + h.row() + " 条");
        assertEquals(1, wrong.code(), wrong.out());
        assertFalse(wrong.out().contains("未发现问题"), wrong.out());
    }
}
