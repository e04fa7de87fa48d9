package org.duban.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A separate Java process running a main class of the test class path: the program as another copy of it,
 * which a test can wait on (a line it prints) and kill with SIGKILL, as a power cut or the task manager would.
 */
public final class ChildProcess implements AutoCloseable {
    private static final String EOF = "\u0000EOF";
    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed
            }
            lines.add(EOF);
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with {@code args} in a new JVM on this test's class path. */
    public static ChildProcess start(Path workDir, Class<?> main, String... args) throws IOException {
        return startWithHeap(workDir, "512m", main, args);
    }

    /** {@link #start} with a maximum heap of {@code heap} (as -Xmx takes it). */
    public static ChildProcess startWithHeap(Path workDir, String heap, Class<?> main, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-Dduban.log.dir=" + workDir.resolve("child-logs"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(workDir, "child", ".err");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return new ChildProcess(p, err);
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits until the child prints {@code marker} on a line of its own. The timeout only guards against a
     * broken child; the wait ends as soon as the line comes.
     */
    public void awaitLine(String marker, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                fail("no '" + marker + "' from the child within " + timeout + "; stderr:\n" + errors());
            }
            if (line.equals(EOF)) {
                process.waitFor(10, TimeUnit.SECONDS);
                fail("the child ended (" + (process.isAlive() ? "?" : process.exitValue()) + ") before '" + marker
                        + "'; stderr:\n" + errors());
            }
            if (line.equals(marker)) {
                return;
            }
        }
    }

    /**
     * Waits for the child to end by itself and gives its exit code. The timeout only guards against a child that
     * hangs; the wait ends as soon as it exits.
     */
    public int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the child did not end within " + timeout + "; stderr:\n" + errors());
        }
        return process.exitValue();
    }

    /** The lines the child printed on standard output so far. */
    public List<String> output() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        out.remove(EOF);
        return out;
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, no cleanup. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            fail("the child did not die");
        }
        assertEquals(128 + 9, process.exitValue(), "killed by SIGKILL, not ended by itself");
    }

    public String errors() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
