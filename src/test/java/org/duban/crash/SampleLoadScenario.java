package org.duban.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;
import org.duban.testing.Wired;

/** Loading the sample meeting (a meeting and its 45 tasks with their assignments) in one transaction. */
public final class SampleLoadScenario implements CrashScenario {
    @Override
    public void prepare(Path db) {
        try (Database d = Database.open(db)) {
            Wired.of(d).roster().ensureDefaultRoster();
        }
    }

    @Override
    public void operate(Path db, Signal signal) {
        try (Database d = Database.open(db)) {
            Ledgers.smallCache(d);
            d.write(c -> {
                SampleMeeting.load(Wired.of(d));
                signal.holdHere(); // every row written, the commit not yet
                return null;
            });
        }
    }

    @Override
    public Map<String, Long> measure(Path db) {
        return Ledgers.rows(db, "meeting", "task", "assignment", "unit");
    }

    @Override
    public Map<String, Long> whenDone(Path db, Map<String, Long> before) throws Exception {
        Path reference = Files.createTempDirectory(db.getParent(), "ref").resolve("ref.db");
        prepare(reference);
        try (Database d = Database.open(reference)) {
            SampleMeeting.load(Wired.of(d));
        }
        return measure(reference);
    }

    @Override
    public String toString() {
        return "loading the sample meeting";
    }
}
