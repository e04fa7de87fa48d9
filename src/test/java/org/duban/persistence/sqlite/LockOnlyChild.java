package org.duban.persistence.sqlite;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A copy of the program that has taken a ledger's writer lock and not yet made the ledger: the first of two
 * {@code init} runs on a new file, caught between its lock and its first table.
 */
public final class LockOnlyChild {
    private LockOnlyChild() {
    }

    public static void main(String[] args) throws Exception {
        try (WriterLock lock = WriterLock.acquire(Path.of(args[0]))) {
            System.out.println("UNDERWAY");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
