package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.duban.crash.ChildProcess;
import org.duban.persistence.Database;
import org.duban.service.generate.LedgerGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and the meeting pack read a large ledger a piece at a time, not held at once (issue 24): 5,000
 * generated tasks (13,600 shares, 25,000 reports, 106,000 audit rows), each command in a child JVM of the real
 * entry point with a small heap. Before, {@code check} held every audit stamp, every tracked row's last state and
 * every report's facts, and ran out of a 36 MB heap on this ledger (it now runs in 28 MB); the pack held the
 * meeting's tasks and the ledger's whole workbook, and ran out of 176 MB.
 */
class CheckAndPackMemoryTest {
    @TempDir
    static Path shared;
    static Path ledger;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        ledger = shared.resolve("大台账.db");
        try (Database db = Database.create(ledger)) {
            new LedgerGenerator(org.duban.service.Services.over(db)).generate(
                    new LedgerGenerator.Options(5000, 25000, 1, LocalDate.of(2026, 11, 29)),
                    LedgerGenerator.Progress.NONE);
        }
    }

    private Path copy() throws Exception {
        Path db = dir.resolve("台账.db");
        Files.copy(ledger, db);
        return db;
    }

    @Test
    void checkOfFiveThousandTasksFitsInThirtyTwoMegabytes() throws Exception {
        Path db = copy();
        try (ChildProcess child = ChildProcess.startWithHeap(dir, "32m", Launcher.class, "--db", db.toString(),
                "check")) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(10)), child.errors());
            assertEquals("", child.errors());
            List<String> out = child.output();
            assertEquals("结果：未发现问题。", out.get(out.size() - 1), String.join("\n", out));
        }
    }

    @Test
    void meetingPackOfFiveThousandTasksFitsInASmallHeap() throws Exception {
        Path db = copy();
        Path out = dir.resolve("会议材料");
        try (ChildProcess child = ChildProcess.startWithHeap(dir, "176m", Launcher.class, "--db", db.toString(),
                "meeting-pack", "--meeting", "1", "--out", out.toString())) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(15)), child.errors());
            assertEquals("", child.errors());
        }
        Path folder;
        try (var s = Files.list(out)) {
            folder = s.findFirst().orElseThrow();
        }
        try (var s = Files.list(folder)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("台账-") && n.endsWith(".xlsx")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("通报-") && n.endsWith(".pdf")), names.toString());
        }
        Path xlsx;
        try (var s = Files.list(folder)) {
            xlsx = s.filter(p -> p.getFileName().toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile(), null, true)) {
            var sheet = wb.getSheetAt(0);
            assertEquals(5000 + 1, sheet.getLastRowNum(), "a title, the heading and a row per task");
            assertEquals("5000", sheet.getRow(5001).getCell(0).getStringCellValue(), "the last task's 序号");
        }
    }
}
