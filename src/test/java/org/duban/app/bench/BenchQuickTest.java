package org.duban.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --quick} as CI runs it: every measure comes with its floor, measured in the same run, and the
 * sqlite3 floor of the statistics counts what the program counts. No timing is asserted: speed is read from
 * BENCHMARKS.md, not from a test.
 */
class BenchQuickTest {
    private static final List<String> MEASURES = List.of("startup.firstFrame", "startup.rowsShown", "heap.window",
            "handouts", "checklist.load", "desk.load", "checklist.filter", "checklist.sort", "lights", "stats", "export", "backup",
            "check", "import");

    @TempDir
    Path dir;

    @Test
    void quickBenchPrintsEveryMeasureWithItsFloorAsJson() {
        CliRunner.Result r = CliRunner.run("bench", "--quick", "--json", "--headless", "--dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        System.out.println(r.out()); // the figures, in the CI log

        assertEquals(MEASURES, measuredWithFloor(r.out()));
        // every measure and floor has its words in the bundles ("!bench.measure.check!" was printed for one)
        assertFalse(r.out().contains("\"label\": \"!"), r.out());
        assertTrue(r.out().contains("\"note\": \"sqlite3 counts agree\""), "the sqlite3 floor counts what we count");
        assertTrue(r.out().contains("\"tasks\": 1000,"));
        // LibreOffice's floor of the handouts: measured where soffice is installed, else the run says it is not
        boolean office = LibreOffice.find().isPresent();
        assertTrue(r.out().contains("\"libreOffice\": {"), r.out());
        assertTrue(office ? r.out().contains("\"measured\": true") && r.out().contains("\"xlsxToPdf\": {")
                : r.out().contains("soffice not installed: the LibreOffice floor was not measured"), r.out());
        // the start's second floor, LibreOffice opening the ledger's .xlsx to its window: it needs a display, and a
        // headless run says so rather than measuring nothing silently
        assertTrue(r.out().contains("\"id\": \"startup.rowsShown.office\""), r.out());
        assertTrue(Pattern.compile("\"note\": \"not measured: (soffice is not installed|no X display)").matcher(r.out())
                .find(), r.out());
        // peak memory of the processes the window and handouts measures start (Linux: /proc/self/status)
        if (java.nio.file.Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(Pattern.compile("\"peakMb\": \\{\\s*\"median\": [1-9]").matcher(r.out()).find(), r.out());
        }
    }

    /** The ids of the JSON's measures that carry their own figure and a measured floor, in order. */
    private static List<String> measuredWithFloor(String json) {
        Matcher m = Pattern.compile("\"id\": \"([^\"]+)\",\\s*\"label\": \"[^\"]+\",\\s*\"unit\": \"(ms|MB)\",\\s*"
                + "\"median\": ([0-9.]+),(?:(?!\"label\").)*?\"floor\": \\{\\s*\"id\": \"([^\"]+)\",\\s*\"label\": \"[^\"]+\",\\s*"
                + "\"median\": ([0-9.]+)", Pattern.DOTALL).matcher(json);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group(1));
            assertTrue(Double.parseDouble(m.group(3)) > 0, m.group(1) + " was measured");
            assertTrue(Double.parseDouble(m.group(5)) > 0, m.group(1) + "'s floor " + m.group(4) + " was measured");
        }
        return seen;
    }

    /** A floor that could not be measured (LibreOffice without a display) is said so, and no ratio is made up. */
    @Test
    void aFloorNotMeasuredSaysWhyAndTakesNoOtherMeasuresFloor() {
        Measure rows = new Measure("startup.rowsShown", "ms", Figure.of(900, 950), "emptyWindow", Figure.of(500, 520),
                Measure.Target.ratio(2.0), "");
        Measure office = new Measure("startup.rowsShown.office", "ms", Figure.of(900, 950), "libreOfficeOpen", null,
                null, "not measured: no X display (LibreOffice's window needs DISPLAY; the bench ran headless)");
        Measure heap = new Measure("heap.window", "MB", Figure.of(40, 41), "emptyWindowHeap", Figure.of(5, 6),
                Measure.Target.absolute(512), "");
        Bench.Result result = new Bench.Result(BenchConfig.quick(dir, true), "2026-12-06T09:00", 2, 0.5, 0.7, "Java",
                "Monocle headless", 40, List.of(rows, office, heap));
        String json = org.duban.app.cli.Json.write(BenchReport.json(result));
        assertEquals(List.of("startup.rowsShown", "heap.window"), measuredWithFloor(json));
        assertTrue(Pattern.compile("\"id\": \"startup.rowsShown.office\".*?\"ratio\": null,\\s*\"target\": null,"
                + "\\s*\"met\": null,\\s*\"note\": \"not measured: no X display", Pattern.DOTALL).matcher(json).find(), json);
    }

    /**
     * The measures' child processes and their floors run with the installers' JVM options (issue 24's 256 MiB is
     * the peak of such a process), and the JSON says which ran.
     */
    @Test
    void theChildProcessesRunWithTheLaunchersOptionsAndTheJsonSaysWhich() {
        assertEquals(Growth.LAUNCHER_OPTIONS, ChildMeasures.COMMAND_OPTIONS);
        assertTrue(Growth.LAUNCHER_OPTIONS.contains("-XX:+UseSerialGC"), Growth.LAUNCHER_OPTIONS.toString());
        List<String> window = new java.util.ArrayList<>(Growth.LAUNCHER_OPTIONS);
        window.add(ChildMeasures.HEAP);
        assertEquals(window, ChildMeasures.WINDOW_OPTIONS);
        Bench.Result result = new Bench.Result(BenchConfig.quick(dir, true), "2026-12-06T09:00", 2, 0.5, 0.7, "Java",
                "Monocle headless", 40, List.of());
        String json = org.duban.app.cli.Json.write(BenchReport.json(result));
        assertTrue(Pattern.compile("\"childJvmOptions\": \\{\\s*\"window\": \\[\\s*\"-XX:\\+UseSerialGC\".*?"
                + "\"-Xmx512m\"\\s*\\],\\s*\"commands\": \\[\\s*\"-XX:\\+UseSerialGC\"", Pattern.DOTALL).matcher(json)
                .find(), json);
    }

    @Test
    void theTableShowsEachMeasureItsFloorTheRatioAndWhetherTheTargetIsMet() {
        Measure stats = new Measure("stats", "ms", Figure.of(60, 62, 70), "sqlite3.stats", Figure.of(30, 31, 29),
                Measure.Target.ratio(2), "sqlite3 counts agree");
        Measure filter = new Measure("checklist.filter", "ms", Figure.of(2, 3, 4), "plainLoop", Figure.of(1, 1, 1),
                Measure.Target.absolute(50), "");
        Bench.Result result = new Bench.Result(BenchConfig.quick(dir, true), "2026-11-29T12:00", 2, 0.5, 0.7, "Java",
                "Monocle headless", 40, List.of(stats, filter));
        java.io.StringWriter out = new java.io.StringWriter();
        BenchReport.table(result, new java.io.PrintWriter(out, true));
        String table = out.toString();
        assertTrue(table.contains("统计数据"), table);
        assertTrue(table.contains("sqlite3 同样的汇总"), table);
        assertTrue(table.contains("2.07×"), "62 ms over 30 ms\n" + table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("统计数据") && l.strip().endsWith("否")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("清单筛选") && l.strip().endsWith("是")), table);
    }
}
