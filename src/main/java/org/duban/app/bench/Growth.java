package org.duban.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.duban.app.Launcher;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.excel.SheetReader;
import org.duban.service.generate.LedgerGenerator;

/**
 * {@code bench --growth}: how time and memory grow with the ledger. For each size (tasks, with ten reports each) a
 * ledger made by the generator, then each step as a user runs it, in a fresh process with the installers' JVM
 * options ({@link #LAUNCHER_OPTIONS}): start to usable (the window's opening table holds its rows; one untimed start
 * first takes the day's backup and fills the disk cache), all handouts, the meeting pack (on a copy: it marks the
 * bulletin published), {@code check}, and {@code import} of the ledger's own export into an empty ledger (past the
 * default limit of rows, as at 50,000 tasks, with {@code --max-rows} allowing the list's length). Each step:
 * wall time from process creation to exit (start to rows for the window) and the whole process's peak resident
 * memory ({@link PeakRss}). Floors in the same run at each size: an empty JavaFX window and a bare JVM, started the
 * same way, for time and memory.
 */
public final class Growth {
    /**
     * What the installers start the program with: {@code java.options} of {@code installer/package.properties} when
     * the bench runs in the source tree (as BENCHMARKS.md runs it), else these, the file's options when this was
     * written.
     */
    public static final List<String> LAUNCHER_OPTIONS = launcherOptions(Path.of("installer", "package.properties"));
    static final List<String> DEFAULT_LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m",
            "-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=40");
    /** The steps, in the order they run and print. */
    static final List<String> STEPS = List.of("startup.usable", "handouts", "meetingPack", "check", "import");
    public static final List<Integer> FULL_SIZES = List.of(1_000, 10_000, 50_000);
    public static final List<Integer> QUICK_SIZES = List.of(1_000, 10_000);

    /**
     * One step at one size.
     *
     * @param millis      wall time, or null when the step failed ({@code note} says how)
     * @param peakMb      peak resident memory of the process in MiB, or null where the OS does not tell
     * @param floorId     {@code emptyWindow} or {@code bareJvm}
     */
    public record Row(int tasks, int reports, String step, Double millis, Double peakMb, String floorId, double floorMillis,
               Double floorPeakMb, String note) {
        public Double ratio() {
            return millis == null || floorMillis <= 0 ? null : millis / floorMillis;
        }
    }

    private final BenchConfig config;
    private final ChildJvm jvm;

    static List<String> launcherOptions(Path packageProperties) {
        if (!Files.isRegularFile(packageProperties)) {
            return DEFAULT_LAUNCHER_OPTIONS;
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(packageProperties, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return DEFAULT_LAUNCHER_OPTIONS;
        }
        String options = p.getProperty("java.options", "").strip();
        return options.isEmpty() ? DEFAULT_LAUNCHER_OPTIONS : List.of(options.split("\\s+"));
    }

    Growth(BenchConfig config) {
        this.config = config;
        this.jvm = new ChildJvm(config.dir(), config.headless());
    }

    List<Row> run(List<Integer> sizes, Consumer<String> log) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int tasks : sizes) {
            rows.addAll(size(tasks, log));
        }
        return rows;
    }

    private List<Row> size(int tasks, Consumer<String> log) throws Exception {
        int reports = tasks * 10;
        Path dir = config.dir().resolve("growth-" + tasks);
        Files.createDirectories(dir);
        LocalDate today = LocalDate.now(Services.systemClock());
        Path ledger = BenchData.fresh(dir.resolve("ledger.db"));
        Path xlsx = dir.resolve("ledger.xlsx");
        Files.deleteIfExists(xlsx);
        log.accept("growth: generate " + tasks + " tasks, " + reports + " reports → " + ledger);
        long meeting;
        try (Database db = Database.open(ledger)) {
            Services services = Services.over(db);
            Meeting m = new LedgerGenerator(services).generate(new LedgerGenerator.Options(tasks, reports,
                    config.seed(), today), LedgerGenerator.Progress.NONE).meeting();
            meeting = m.id();
            services.ledgerExporter().export(m, xlsx);
        }
        Path roster = BenchData.fresh(dir.resolve("roster.db"));
        try (Database db = Database.open(roster)) {
            Services.over(db).roster().ensureDefaultRoster();
        }

        log.accept("growth " + tasks + ": floors (empty window, bare JVM)");
        ChildJvm.Run empty = jvm.run(WindowProbe.class.getName(), LAUNCHER_OPTIONS, List.of("empty"), 120);
        ChildJvm.Run bare = jvm.run(PeakRss.class.getName(), LAUNCHER_OPTIONS, List.of(), 120);
        double emptyMs = empty.at().getOrDefault("frame", empty.exitMillis());
        List<Row> rows = new ArrayList<>();

        log.accept("growth " + tasks + ": start to usable");
        String startNote = "";
        Double startMs = null;
        Double startPeak = null;
        try {
            jvm.run(WindowProbe.class.getName(), LAUNCHER_OPTIONS, List.of("app", ledger.toString()), 1200); // untimed
            ChildJvm.Run w = jvm.run(WindowProbe.class.getName(), LAUNCHER_OPTIONS,
                    List.of("app", ledger.toString()), 1200);
            startMs = w.at().get("rows");
            startPeak = w.peakMb();
            startNote = w.values().getOrDefault("rows", "?").strip() + " rows shown";
        } catch (IOException e) {
            startNote = failed(e);
        }
        rows.add(new Row(tasks, reports, "startup.usable", startMs, startPeak, "emptyWindow", emptyMs, empty.peakMb(),
                startNote));

        rows.add(command(tasks, reports, "handouts", bare, log, "--db", ledger.toString(), "handouts", "--out",
                clean(dir.resolve("handouts")).toString()));
        Path pack = BenchData.fresh(dir.resolve("pack.db"));
        Files.copy(ledger, pack);
        rows.add(command(tasks, reports, "meetingPack", bare, log, "--db", pack.toString(), "meeting-pack",
                "--meeting", String.valueOf(meeting), "--out", clean(dir.resolve("pack")).toString()));
        rows.add(command(tasks, reports, "check", bare, log, "--db", ledger.toString(), "check"));
        Path imported = BenchData.fresh(dir.resolve("import.db"));
        Files.copy(roster, imported);
        List<String> importing = new ArrayList<>(List.of("--db", imported.toString(), "import", xlsx.toString(),
                "--new-meeting"));
        if (tasks + 100 > SheetReader.MAX_ROWS) { // a list this long is refused unless asked for (50,000 tasks)
            importing.addAll(List.of("--max-rows", String.valueOf(tasks + 100)));
        }
        rows.add(command(tasks, reports, "import", bare, log, importing.toArray(String[]::new)));
        return rows;
    }

    /** One command of the program in a fresh process, start to exit, with its peak memory. */
    private Row command(int tasks, int reports, String step, ChildJvm.Run bare, Consumer<String> log, String... args) {
        log.accept("growth " + tasks + ": " + step);
        List<String> cmd = new ArrayList<>();
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        try {
            ChildJvm.Run r = jvm.run(PeakRss.class.getName(), LAUNCHER_OPTIONS, cmd, 3600);
            return new Row(tasks, reports, step, r.exitMillis(), r.peakMb(), "bareJvm", bare.exitMillis(),
                    bare.peakMb(), "");
        } catch (IOException | InterruptedException e) {
            return new Row(tasks, reports, step, null, null, "bareJvm", bare.exitMillis(), bare.peakMb(), failed(e));
        }
    }

    private static String failed(Exception e) {
        String m = String.valueOf(e.getMessage());
        return "failed: " + (m.length() > 300 ? m.substring(0, 300) + "…" : m);
    }

    private static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }
}
