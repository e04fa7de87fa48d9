package org.duban.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --growth}: each step at each size, with its wall time, the process's peak memory and the floors of
 * the same run, in the table and the JSON. No timing is asserted.
 */
class BenchGrowthTest {
    @TempDir
    Path dir;

    @Test
    void growthOnlyRunsEveryStepAtEachSizeWithPeakMemoryAndFloors() {
        CliRunner.Result r = CliRunner.run("bench", "--growth-only", "--growth-sizes", "30", "--json", "--headless",
                "--dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        System.out.println(r.out()); // the figures, in the CI log
        assertTrue(r.out().contains("\"measures\": []"), "--growth-only measures nothing else\n" + r.out());
        assertTrue(Pattern.compile("\"jvmOptions\": \\[\\s*\"-XX:\\+UseSerialGC\"").matcher(r.out()).find(),
                "the installers' JVM options\n" + r.out());

        Matcher m = Pattern.compile("\\{\\s*\"tasks\": (\\d+),\\s*\"reports\": (\\d+),\\s*\"step\": \"([^\"]+)\",\\s*"
                + "\"label\": \"[^\"]+\",\\s*\"millis\": ([0-9.]+),\\s*\"peakMb\": ([0-9.]+|null),\\s*"
                + "\"floor\": \\{\\s*\"id\": \"([^\"]+)\",\\s*\"label\": \"[^\"]+\",\\s*\"millis\": ([0-9.]+),\\s*"
                + "\"peakMb\": ([0-9.]+|null)\\s*},\\s*\"ratio\": ([0-9.]+),\\s*\"note\": \"([^\"]*)\"").matcher(r.out());
        List<String> seen = new ArrayList<>();
        boolean linux = Files.isReadable(Path.of("/proc/self/status"));
        while (m.find()) {
            String row = m.group(1) + " " + m.group(3);
            seen.add(row);
            assertEquals(Integer.parseInt(m.group(1)) * 10, Integer.parseInt(m.group(2)), row + ": ten reports a task");
            assertTrue(Double.parseDouble(m.group(4)) > 0, row + " was timed");
            assertTrue(Double.parseDouble(m.group(7)) > 0, row + "'s floor was timed");
            assertEquals(m.group(3).equals("startup.usable") ? "emptyWindow" : "bareJvm", m.group(6), row);
            assertTrue(!m.group(10).startsWith("failed"), row + ": " + m.group(10));
            if (linux) {
                assertTrue(!m.group(5).equals("null") && Double.parseDouble(m.group(5)) > 0, row + " peak memory");
                assertTrue(!m.group(8).equals("null") && Double.parseDouble(m.group(8)) > 0, row + " floor's memory");
                // the program's process holds more than a JVM that starts and exits
                if (m.group(6).equals("bareJvm")) {
                    assertTrue(Double.parseDouble(m.group(5)) > Double.parseDouble(m.group(8)), row);
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (String tasks : List.of("30")) {
            for (String step : Growth.STEPS) {
                expected.add(tasks + " " + step);
            }
        }
        assertEquals(expected, seen);
        assertTrue(Pattern.compile("\"note\": \"[1-9][0-9]* rows shown\"").matcher(r.out()).find(),
                "the window's opening table showed its rows");
        assertTrue(r.out().contains(linux ? "\"peakMemory\": \"/proc/self/status VmHWM\"" : "\"peakMemory\": \"not measured"));
    }

    @Test
    void theTableHasAGrowthRowPerStepAndSayHowMemoryIsMeasured() {
        List<Growth.Row> rows = List.of(
                new Growth.Row(1000, 10000, "startup.usable", 900.0, 180.0, "emptyWindow", 450, 120.0, "1000 rows shown"),
                new Growth.Row(1000, 10000, "check", null, null, "bareJvm", 100, 30.0, "failed: exited with 2"));
        Bench.Result result = new Bench.Result(BenchConfig.quick(dir, true), "2026-12-06T06:00", 2, 3.5, 4.0, "Java",
                "Monocle headless", 40, List.of(), rows);
        java.io.StringWriter out = new java.io.StringWriter();
        BenchReport.table(result, new java.io.PrintWriter(out, true));
        String table = out.toString();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("1000") && l.contains("启动到可用") && l.contains("900 ms")
                && l.contains("180 MB") && l.contains("空 JavaFX 窗口启动") && l.strip().endsWith("2.00×")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("1000") && l.contains("检查") && l.contains("—")), table);
        assertTrue(table.contains("检查：failed: exited with 2"), table);
        assertTrue(table.contains("负载 3.50 → 4.00"), "the load goes with the figures\n" + table);
        assertTrue(table.contains("峰值内存＝整个进程的最大驻留内存"), table);
        assertTrue(!table.contains("性能测量："), "no empty figures table\n" + table);

        Map<String, Object> json = BenchReport.json(result);
        @SuppressWarnings("unchecked")
        Map<String, Object> growth = (Map<String, Object>) json.get("growth");
        assertNotNull(growth);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonRows = (List<Map<String, Object>>) growth.get("rows");
        assertEquals(2, jsonRows.size());
        assertEquals(2.0, jsonRows.get(0).get("ratio"));
        assertEquals(180.0, jsonRows.get(0).get("peakMb"));
        assertEquals(null, jsonRows.get(1).get("millis"));
    }

    @Test
    void aMeasureThatStartsAProcessCarriesItsPeakMemoryAndItsFloorsInTheJson() {
        Measure handouts = new Measure("handouts", "ms", Figure.of(2000, 2100), "pdfbox", Figure.of(4000, 4200),
                Measure.Target.absolute(1500), "").withPeak(Figure.of(230, 240), Figure.of(150, 160));
        Bench.Result result = new Bench.Result(BenchConfig.quick(dir, true), "2026-12-06T06:00", 2, 3.5, 4.0, "Java",
                "Monocle headless", 40, List.of(handouts));
        Map<String, Object> json = BenchReport.json(result);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = ((List<Map<String, Object>>) json.get("measures")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> peak = (Map<String, Object>) m.get("peakMb");
        assertEquals(235.0, peak.get("median"));
        @SuppressWarnings("unchecked")
        Map<String, Object> floor = (Map<String, Object>) m.get("floor");
        @SuppressWarnings("unchecked")
        Map<String, Object> floorPeak = (Map<String, Object>) floor.get("peakMb");
        assertEquals(155.0, floorPeak.get("median"));
        assertEquals(null, json.get("growth"), "no growth asked, none carried");
    }

    @Test
    void theGrowthStepsRunWithTheInstallersJvmOptions() throws Exception {
        Path props = dir.resolve("package.properties");
        Files.writeString(props, "# options\njava.options=-XX:+UseSerialGC -Xmx200m  -Xms16m\nmain.class=x\n");
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx200m", "-Xms16m"), Growth.launcherOptions(props));
        assertEquals(Growth.DEFAULT_LAUNCHER_OPTIONS, Growth.launcherOptions(dir.resolve("absent.properties")));
    }
}
