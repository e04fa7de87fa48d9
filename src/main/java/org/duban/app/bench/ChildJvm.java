package org.duban.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Java process on this program's class path, as a user's start would (a fresh JVM, nothing warm but the
 * disk cache), and times it from just before the process is created to lines it prints, or to its exit.
 */
final class ChildJvm {
    /** Lines a probe prints start with this; other output is ignored. */
    static final String PROBE = "duban-probe ";

    private final Path workDir;
    private final boolean headless;

    /**
     * @param headless run JavaFX on Monocle's headless platform (no display needed: CI), else on the display named
     *                 by {@code DISPLAY}
     */
    ChildJvm(Path workDir, boolean headless) {
        this.workDir = workDir;
        this.headless = headless;
    }

    /** What a run printed: milliseconds from the start to each probe line, by the line's first word. */
    record Run(Map<String, Double> at, Map<String, String> values, double exitMillis) {
        /** The process's peak resident memory in MiB ({@link PeakRss}), or null where the OS does not tell. */
        Double peakMb() {
            String b = values.get("rss");
            return b == null ? null : Long.parseLong(b.strip()) / (1024.0 * 1024.0);
        }
    }

    List<String> command(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        if (headless) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Djava.awt.headless=true"));
        }
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs to the end; probe lines are timed as they arrive. */
    Run run(String mainClass, List<String> jvmOptions, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, jvmOptions, args))
                .redirectErrorStream(true);
        pb.environment().put("DUBAN_DATA_DIR", workDir.resolve("data").toString());
        pb.environment().remove("DUBAN_LANG");
        Map<String, Double> at = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        List<String> tail = new ArrayList<>();
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread killer = new Thread(() -> {
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "bench-child-timeout");
        killer.setDaemon(true);
        killer.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                double ms = (System.nanoTime() - t0) / 1e6;
                if (line.startsWith(PROBE)) {
                    String[] parts = line.substring(PROBE.length()).split(" ", 2);
                    at.putIfAbsent(parts[0], ms);
                    values.putIfAbsent(parts[0], parts.length > 1 ? parts[1] : "");
                } else if (tail.size() < 40) {
                    tail.add(line);
                }
            }
        }
        int code = p.waitFor();
        double exit = (System.nanoTime() - t0) / 1e6;
        if (code != 0) {
            throw new IOException(mainClass + " " + args + " exited with " + code + ": " + String.join("\n", tail));
        }
        return new Run(at, values, exit);
    }
}
