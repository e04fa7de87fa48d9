package org.duban.crash;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import org.duban.persistence.Database;
import org.duban.service.tasks.TaskService;
import org.duban.testing.Wired;

/**
 * A copy of the program that saves tasks one by one (each its own commit) with SQLite's automatic checkpoint off,
 * then waits to be killed: the saved work is then only in the log ({@code -wal}), as after a crash before a
 * checkpoint. Arguments: the ledger, how many tasks, the first task number.
 */
public final class CommittedInLogChild {
    private CommittedInLogChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_autocheckpoint = 0");
                }
                return null;
            });
            int n = Integer.parseInt(args[1]);
            int first = Integer.parseInt(args[2]);
            TaskService tasks = Wired.of(db).tasks();
            long meeting = Ledgers.currentMeeting(db).id();
            for (int i = 0; i < n; i++) {
                tasks.create(meeting, Ledgers.task(first + i));
            }
            System.out.println(CrashChild.UNDERWAY);
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
