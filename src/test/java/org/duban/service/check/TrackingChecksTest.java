package org.duban.service.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracking rules of {@code check}, each shown to catch an inconsistency planted with plain SQL in a copy of
 * the sample ledger (which itself is clean: {@link CheckServiceTest#theSampleLedgerIsClean()}).
 */
@org.junit.jupiter.api.Tag("sqlite-file") // writes around the program into the file through SQLite, guards dropped
class TrackingChecksTest {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void sample() {
        TestDb.withSample(dir).close();
        file = dir.resolve("test.db");
    }

    /** A share of the sample that stands closed: its close-out, assignment and how findings name it. */
    private record Share(long closeOutId, long assignmentId, String place) {
    }

    /** The n-th share that stands closed (0 = first), each of a different task. */
    private Share closed(int n) {
        String[] f = TestDb.sqlString(file, "SELECT c.id || '|' || a.id || '|' || t.seq || '|' || u.name "
                + "FROM close_out c JOIN assignment a ON a.id = c.assignment_id JOIN task t ON t.id = a.task_id "
                + "JOIN unit u ON u.id = a.unit_id WHERE c.closed_on IS NOT NULL AND c.reopened_on IS NULL "
                + "AND c.id = (SELECT min(c2.id) FROM close_out c2 JOIN assignment a2 ON a2.id = c2.assignment_id "
                + "WHERE a2.task_id = a.task_id AND c2.closed_on IS NOT NULL AND c2.reopened_on IS NULL) "
                + "ORDER BY c.id LIMIT 1 OFFSET " + n).split("\\|");
        return new Share(Long.parseLong(f[0]), Long.parseLong(f[1]), "会议 1 序号 " + f[2] + "（" + f[3] + "）");
    }

    /** A share still being worked on (no application), and how findings name it. */
    private Share inProgress() {
        String[] f = TestDb.sqlString(file, "SELECT a.id || '|' || t.seq || '|' || u.name FROM assignment a "
                + "JOIN task t ON t.id = a.task_id JOIN unit u ON u.id = a.unit_id "
                + "WHERE a.status IN ('ON_SCHEDULE', 'BEHIND_SCHEDULE') "
                + "AND NOT EXISTS (SELECT 1 FROM close_out c WHERE c.assignment_id = a.id) ORDER BY a.id LIMIT 1")
                .split("\\|");
        return new Share(0, Long.parseLong(f[0]), "会议 1 序号 " + f[1] + "（" + f[2] + "）");
    }

    private CheckReport check() {
        try (Database db = Database.openReadOnly(file)) {
            return Wired.of(db).checks().run();
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

    @Test
    void aCloseOutWithoutAPassedVerificationOrBeforeItsNoticeEndedIsFound() {
        Share failed = closed(0);
        Share early = closed(1);
        Share noNotice = closed(2);
        TestDb.otherTool(file,
                "UPDATE close_out SET verification_passed = 0 WHERE id = " + failed.closeOutId(),
                "UPDATE close_out SET notice_to = closed_on WHERE id = " + early.closeOutId(),
                "UPDATE close_out SET notice_from = NULL, notice_to = NULL WHERE id = " + noNotice.closeOutId());

        CheckReport r = check();

        List<String> found = texts(r, "check.closeOuts");
        assertFound(found, failed.place(), "没有通过的验收记录");
        assertFound(found, early.place(), "公示到");
        assertFound(found, noNotice.place(), "没有公示记录");
        // written around the program: the audit trail names each changed application too (issue 23)
        List<String> audit = texts(r, "check.audit");
        assertEquals(3, audit.size(), audit.toString());
        assertFound(audit, "销号记录", "与它最后一条留痕记下的内容不一致");
        assertEquals(3, r.problems() - audit.size(), r.toString());
    }

    @Test
    void aClosedShareWithoutEvidenceAndADamagedFileAreFound() {
        Share bare = closed(0);
        Share other = closed(1);
        long damaged = TestDb.sqlLong(file, "SELECT min(id) FROM evidence WHERE assignment_id = " + other.assignmentId());
        String name = TestDb.sqlString(file, "SELECT file_name FROM evidence WHERE id = " + damaged);
        TestDb.otherTool(file,
                "DELETE FROM evidence WHERE assignment_id = " + bare.assignmentId(),
                "UPDATE evidence SET content = zeroblob(size_bytes) WHERE id = " + damaged);

        CheckReport r = check();

        List<String> found = texts(r, "check.evidence");
        assertFound(found, bare.place(), "没有任何佐证材料");
        assertFound(found, other.place(), name, "已损坏");
        assertFound(texts(r, "check.audit"), "佐证材料记录", "已不存在，但留痕中没有删除它");
        assertEquals(2, r.problems() - texts(r, "check.audit").size(), r.toString());
    }

    @Test
    void aStoredStatusThatDisagreesWithTheRecordsIsFound() {
        Share working = inProgress();
        Share unclosed = closed(0);
        TestDb.otherTool(file,
                "UPDATE assignment SET status = 'CLOSED' WHERE id = " + working.assignmentId(),
                "UPDATE close_out SET closed_on = NULL WHERE id = " + unclosed.closeOutId());

        CheckReport r = check();

        List<String> found = texts(r, "check.statuses");
        assertFound(found, working.place(), "保存的状态是“已销号”", "尚未完成");
        assertFound(found, unclosed.place(), "保存的状态是“已销号”", "应为“已验收”");
        // the stored status is derived (the trail does not vouch for it); the close-out's own change is named
        assertFound(texts(r, "check.audit"), "销号记录", "不一致");
        assertEquals(2, r.problems() - texts(r, "check.audit").size(), r.toString());
    }

    @Test
    void theAuditChainCatchesADroppedGuardDeletedRowsTimeGoingBackAndRecordsWrittenAroundIt() {
        Share working = inProgress();
        long last = TestDb.sqlLong(file, "SELECT max(id) FROM audit_log");
        TestDb.otherTool(file,
                "DROP TRIGGER audit_log_no_delete",
                "DROP TRIGGER audit_log_chained",
                "DELETE FROM audit_log WHERE id BETWEEN 100 AND 104",
                "INSERT INTO audit_log (at, operator, entity, entity_id, action) "
                        + "VALUES ('2026-01-01T00:00:00Z', '某工具', 'SETTING', 0, 'UPDATE')",
                "INSERT INTO progress_report (assignment_id, reported_on, percent, text) VALUES ("
                        + working.assignmentId() + ", '2026-11-01', 50, '另一个工具写入的进展')",
                "INSERT INTO inspection (held_on, inspectors) VALUES ('2026-11-02', '另一个工具')");

        CheckReport r = check();

        List<String> found = texts(r, "check.audit");
        assertFound(found, "audit_log_no_delete");
        assertFound(found, "第 100 至 104 条缺失", "共 5 条");
        assertFound(found, "第 " + (last + 1) + " 条", "早于第 " + last + " 条");
        assertFound(found, working.place(), "进展记录", "没有添加记录");
        assertFound(found, "下沉督察记录", "没有添加记录");
        // and the chain (issue 23): its third guard, the row after the deleted ones, the row without a hash
        assertFound(found, "audit_log_chained");
        assertFound(found, "第 105 条的校验值与内容不符");
        assertFound(found, "第 " + (last + 1) + " 条没有校验值");
    }

    @Test
    void aGuardReplacedByATriggerThatDoesNothingIsFound() {
        TestDb.otherTool(file, "DROP TRIGGER audit_log_no_update",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END");
        List<String> found = texts(check(), "check.audit");
        assertEquals(1, found.size(), found.toString());
        assertFound(found, "audit_log_no_update", "被改过");
    }

    @Test
    void aClockSetBackByAFewMinutesIsNoFindingButAnHourIs() {
        Instant lastAt = Instant.parse(TestDb.sqlString(file, "SELECT at FROM audit_log ORDER BY id DESC LIMIT 1"));
        appendAt(lastAt.minus(5, ChronoUnit.MINUTES));
        assertTrue(check().clean(), "a clock synchronisation may step back a little");

        appendAt(lastAt.minus(65, ChronoUnit.MINUTES));
        assertEquals(1, texts(check(), "check.audit").size());
    }

    /** The program writes a row at a time its clock says (set back). */
    private void appendAt(Instant at) {
        try (Database db = Database.open(file)) {
            new org.duban.persistence.AuditRepository(db).append(new org.duban.model.AuditEntry(0, at, "秘书处",
                    org.duban.model.AuditEntity.SETTING, 0, null, null, org.duban.model.AuditAction.UPDATE, "x", "a",
                    "b"));
        }
    }

    @Test
    void manyRecordsWrittenAroundTheTrailAreCountedNotAllListed() {
        String[] inserts = new String[25];
        for (int i = 0; i < inserts.length; i++) {
            inserts[i] = "INSERT INTO inspection (held_on, inspectors) VALUES ('2026-11-02', '工具 " + i + "')";
        }
        TestDb.otherTool(file, inserts);
        List<String> found = texts(check(), "check.audit");
        assertEquals(AuditChainCheck.LISTED + 1, found.size());
        assertEquals("另有 5 处同类问题未列出", found.get(found.size() - 1));
    }

    @Test
    void theCheckCommandReportsTheTrackingRulesAndExitsOne() {
        TestDb.otherTool(file, "UPDATE close_out SET verification_passed = 0 WHERE id = " + closed(0).closeOutId());
        CliRunner.Result r = CliRunner.run("--db", file.toString(), "check");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("✗ 每个已销号的申请都有通过的验收，且在公示期满后才销号：1 个问题"), r.out());
        assertTrue(r.out().contains("✗ 留痕完整"), r.out());
        assertTrue(r.out().contains("与它最后一条留痕记下的内容不一致"), r.out());
        assertTrue(r.out().contains("结果：发现 2 个问题"), r.out());
    }
}
