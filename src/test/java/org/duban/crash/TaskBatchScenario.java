package org.duban.crash;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.tasks.TaskService;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;

/**
 * A large batch of task creations in one transaction, as an import will make: the child signals after a few
 * hundred tasks and keeps writing, so the kill lands while it writes.
 */
public final class TaskBatchScenario implements CrashScenario {
    static final int BATCH = 100_000;
    static final int SIGNAL_AFTER = 300;

    @Override
    public void prepare(Path db) {
        TestDb.withSample(db.getParent()).close();
        if (!db.getFileName().toString().equals("test.db")) {
            throw new IllegalStateException("use test.db");
        }
    }

    @Override
    public void operate(Path db, Signal signal) {
        try (Database d = Database.open(db)) {
            Ledgers.smallCache(d);
            TaskService tasks = Wired.of(d).tasks();
            Meeting m = Ledgers.currentMeeting(d);
            int first = tasks.nextSeq(m.id());
            d.write(c -> {
                for (int i = 0; i < BATCH; i++) {
                    tasks.create(m.id(), Ledgers.task(first + i));
                    if (i == SIGNAL_AFTER) {
                        signal.underway();
                    }
                }
                return null;
            });
        }
    }

    @Override
    public Map<String, Long> measure(Path db) {
        return Ledgers.rows(db, "task", "assignment");
    }

    @Override
    public Map<String, Long> whenDone(Path db, Map<String, Long> before) {
        Map<String, Long> done = new LinkedHashMap<>(before);
        done.replaceAll((table, n) -> n + BATCH); // one unit each: one assignment per task
        return done;
    }

    @Override
    public boolean holdsAtSignal() {
        return false;
    }

    @Override
    public String toString() {
        return "a batch of 100000 task creations";
    }
}
