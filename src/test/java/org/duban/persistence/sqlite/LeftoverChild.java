package org.duban.persistence.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.duban.service.io.AtomicFiles;

/**
 * A copy of the program killed in the middle of writing: it leaves a backup's temporary copy in the ledger's
 * {@code backups/} (with SQLite's log beside it), one beside a {@code backup FILE} target, and a handout's
 * half-written {@code .part}, each under the name the program gives it. Arguments: the ledger, the folder of the
 * backup target, the folder of the handouts.
 */
public final class LeftoverChild {
    private LeftoverChild() {
    }

    public static void main(String[] args) throws Exception {
        Path ledger = Path.of(args[0]);
        Path daily = Backups.tempFor(BackupFolder.besides(ledger).path().resolve("test-20260319-083000-000-daily.db"));
        Files.createDirectories(daily.getParent());
        Files.write(daily, new byte[4096]);
        Files.write(daily.resolveSibling(daily.getFileName() + "-wal"), new byte[4096]);
        Path copy = Backups.tempFor(Path.of(args[1]).resolve("copy.db"));
        Files.createDirectories(copy.getParent());
        Files.write(copy, new byte[4096]);
        AtomicFiles.write(Path.of(args[2]).resolve("任务清单-蕉城区.pdf"), out -> {
            out.write("%PDF-1.7 half".getBytes());
            out.flush();
            System.out.println("UNDERWAY");
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
