package org.duban.service.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.persistence.sqlite.Backups;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: the record of a backup names the audit head the copy holds, read from the copy; written down, it lets
 * {@code check --anchor} prove later that the copy (or the ledger) was not rebuilt.
 */
class BackupAuditHeadTest {
    @TempDir
    Path dir;

    @Test
    void theBackupCommandPrintsTheCopysHeadWhichCheckAnchorAcceptsOnTheCopy() {
        Path db = dir.resolve("s.db");
        assertEquals(0, CliRunner.run("--db", db.toString(), "sample").code());
        Path copy = dir.resolve("copies/before.db");
        CliRunner.Result b = CliRunner.run("--db", db.toString(), "backup", copy.toString());
        assertEquals(0, b.code(), b.err());
        AuditChain.Head head;
        try (Database c = Database.openReadOnly(copy)) {
            head = AuditChain.head(c);
        }
        assertTrue(head.row() > 0);
        String printed = head.shortHash() + " / 第 " + head.row() + " 条";
        assertTrue(b.out().contains("留痕校验 " + printed), b.out());
        assertEquals(head, Backups.headOf(copy).orElseThrow());

        CliRunner.Result ok = CliRunner.run("--db", copy.toString(), "check", "--anchor", printed);
        assertEquals(0, ok.code(), ok.out() + ok.err());
        // the ledger rewritten from row 1 on (as a forger who rebuilds the chain would): the printed head exposes it
        org.duban.persistence.ChainForger.rewriteAndRechain(db, "UPDATE progress_report SET percent = 100 "
                + "WHERE id = (SELECT min(id) FROM progress_report)");
        CliRunner.Result forged = CliRunner.run("--db", db.toString(), "check", "--anchor", printed);
        assertEquals(1, forged.code(), forged.out());
        assertTrue(forged.out().contains("与早先打印的"), forged.out());
    }

    @Test
    void aCopyOlderThanTheChainHasNoHead() {
        Path old = dir.resolve("v4.db");
        org.duban.persistence.OlderLedgers.ofVersion(old, 4);
        assertTrue(Backups.headOf(old).isEmpty());
    }
}
