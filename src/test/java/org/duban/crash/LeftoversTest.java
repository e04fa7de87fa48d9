package org.duban.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.duban.io.Leftovers;
import org.duban.persistence.Database;
import org.duban.persistence.sqlite.LeftoverChild;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files a killed program left (a backup's copy in {@code backups/}, one beside a {@code backup FILE}
 * target, a handout's {@code .part}) are removed when work next starts in their folder; those of a program still
 * running, or of another computer, stay.
 */
class LeftoversTest {
    @TempDir
    Path dir;

    private static List<String> hidden(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void whatAKilledRunLeftIsRemovedAtTheNextStartOfWorkInItsFolder() throws Exception {
        TestDb.withSample(dir).close();
        Path ledger = dir.resolve("test.db");
        Path copies = Files.createDirectories(dir.resolve("copies"));
        Path handouts = Files.createDirectories(dir.resolve("handouts"));
        try (ChildProcess child = ChildProcess.start(dir, LeftoverChild.class, ledger.toString(), copies.toString(),
                handouts.toString())) {
            child.awaitLine(CrashChild.UNDERWAY, Duration.ofMinutes(2));
            child.kill();
        }
        Path backups = dir.resolve("backups");
        assertEquals(2, hidden(backups).size(), hidden(backups).toString());
        assertEquals(1, hidden(copies).size());
        assertEquals(1, hidden(handouts).size());
        // a program still writing here (this one), and one on another computer sharing the folder
        Path running = Files.write(handouts.resolve(".duban-" + Leftovers.ownerTag() + "1.part"), new byte[1]);
        Path otherComputer = Files.write(copies.resolve(".copy.db.~other-pc@1@.tmp"), new byte[1]);

        assertEquals(0, CliRunner.run("--db", ledger.toString(), "handouts", "--out", handouts.toString(),
                "--unit", "蕉城").code());
        assertEquals(List.of(running.getFileName().toString()), hidden(handouts));

        assertEquals(0, CliRunner.run("--db", ledger.toString(), "backup", copies.resolve("copy2.db").toString())
                .code());
        assertEquals(List.of(otherComputer.getFileName().toString()), hidden(copies));

        Database.open(ledger).close();
        assertEquals(List.of(), hidden(backups));
        assertTrue(Files.exists(handouts.resolve("任务清单-蕉城区.pdf")), "the real file is written");
    }
}
