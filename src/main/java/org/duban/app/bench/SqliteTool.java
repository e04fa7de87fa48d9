package org.duban.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code sqlite3} command-line tool, for floors: the same question answered by SQLite alone, measured from the
 * tool's start to its exit, output read (or thrown away) as a caller of the tool would.
 */
final class SqliteTool {
    private final Path executable;

    private SqliteTool(Path executable) {
        this.executable = executable;
    }

    /** The tool on the PATH, if there is one. */
    static Optional<SqliteTool> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "sqlite3");
            if (Files.isExecutable(p)) {
                return Optional.of(new SqliteTool(p));
            }
        }
        return Optional.empty();
    }

    /** One of the bench's SQL files, with the day and the meeting filled in; {@code withRule} puts the rule first. */
    static String sql(String name, boolean withRule, LocalDate day, long meetingId) {
        String text = (withRule ? resource("light-rule.sql") : "") + resource(name);
        return text.replace(":day", "'" + day + "'").replace(":meeting", String.valueOf(meetingId));
    }

    private static String resource(String name) {
        try (InputStream in = SqliteTool.class.getResourceAsStream("/org/duban/app/bench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What one run printed, and how long it took from start to exit. */
    record Run(double millis, List<String> lines) {
    }

    /** Runs {@code sqlFile} against {@code db} read-only; {@code keepOutput} false throws the rows away unread. */
    Run run(Path db, Path sqlFile, boolean keepOutput) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "-readonly", "-bail", db.toString())
                .redirectInput(sqlFile.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (!keepOutput) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<String> lines = keepOutput
                ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList() : List.of();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("sqlite3 did not finish");
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0) {
            throw new IOException("sqlite3 exited with " + p.exitValue());
        }
        return new Run(ms, lines);
    }

    /** Writes SQL to a file the tool reads from its standard input. */
    static Path write(Path dir, String name, String sql) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, sql, StandardCharsets.UTF_8);
        return f;
    }
}
