package org.duban.crash;

import java.nio.file.Path;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.tasks.TaskService;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;

/**
 * A restore from a large backup (a few MB, many steps of the online backup): killed while the backup's pages
 * are being written into the ledger.
 */
public final class RestoreScenario implements CrashScenario {
    static final int EXTRA_TASKS = 3000;

    static Path backupOf(Path db) {
        return db.resolveSibling("large-backup.db");
    }

    @Override
    public void prepare(Path db) {
        try (Database d = TestDb.withSample(db.getParent())) {
            TaskService tasks = Wired.of(d).tasks();
            Meeting m = Ledgers.currentMeeting(d);
            int first = tasks.nextSeq(m.id());
            d.inTransaction(() -> {
                for (int i = 0; i < EXTRA_TASKS; i++) {
                    tasks.create(m.id(), Ledgers.task(first + i));
                }
            });
            Wired.of(d).backups().backupTo(backupOf(db));
            // taken back through the program (audited), so that the ledger before the restore checks clean: a
            // DELETE behind the audit trail's back is what check reports since the trail is chained
            java.util.List<Long> extra = new java.util.ArrayList<>();
            d.write(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT id FROM task WHERE seq >= " + first)) {
                    while (rs.next()) {
                        extra.add(rs.getLong(1));
                    }
                }
                return null;
            });
            d.inTransaction(() -> extra.forEach(tasks::delete));
        }
    }

    @Override
    public void operate(Path db, Signal signal) {
        try (Database d = Database.open(db)) {
            Ledgers.smallCache(d);
            boolean[] signalled = {false};
            Wired.of(d).backups().restore(backupOf(db), done -> {
                if (!signalled[0] && done > 0.3) {
                    signalled[0] = true;
                    signal.holdHere(); // a third of the pages copied, the transaction open
                }
            });
        }
    }

    @Override
    public Map<String, Long> measure(Path db) {
        return Ledgers.rows(db, "task", "assignment");
    }

    @Override
    public Map<String, Long> whenDone(Path db, Map<String, Long> before) {
        return measure(backupOf(db));
    }

    @Override
    public String toString() {
        return "a restore from a large backup";
    }
}
