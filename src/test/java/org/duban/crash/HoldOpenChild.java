package org.duban.crash;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.duban.persistence.Database;

/** A copy of the program that opens a ledger for writing and keeps it open until killed. */
public final class HoldOpenChild {
    private HoldOpenChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println(CrashChild.UNDERWAY);
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
