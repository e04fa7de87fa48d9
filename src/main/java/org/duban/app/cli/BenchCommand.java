package org.duban.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duban.app.bench.Bench;
import org.duban.app.bench.BenchConfig;
import org.duban.app.bench.BenchReport;
import org.duban.app.bench.SeatsBench;
import org.duban.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench [--quick] [--json] [--headless] [--dir DIR] [--tasks N] [--reports M] [--runs K]
 * [--growth [--growth-sizes N,M…] [--growth-only]]}: generates its ledgers, then measures each figure with its floor
 * (see BENCHMARKS.md); {@code --growth} adds time and peak memory of each command at 1,000, 10,000 and 50,000 tasks
 * (50,000 left out with {@code --quick} unless named in {@code --growth-sizes}). Works in its own folder; never
 * touches the user's ledger (--db is ignored). {@code bench --seats N [--seconds S] --db postgresql://…} instead
 * measures N seats writing that shared ledger at once ({@link SeatsBench}): it adds records to it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--quick", descriptionKey = "bench.quick")
    boolean quick;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Option(names = "--headless", descriptionKey = "bench.headless")
    boolean headless;

    @Option(names = "--dir", paramLabel = "DIR", descriptionKey = "bench.dir")
    Path dir;

    @Option(names = "--tasks", paramLabel = "N", descriptionKey = "bench.tasks")
    Integer tasks;

    @Option(names = "--reports", paramLabel = "M", descriptionKey = "bench.reports")
    Integer reports;

    @Option(names = "--runs", paramLabel = "K", descriptionKey = "bench.runs")
    Integer runs;

    @Option(names = "--seats", paramLabel = "N", descriptionKey = "bench.seats")
    Integer seats;

    @Option(names = "--seconds", paramLabel = "S", descriptionKey = "bench.seconds")
    Integer seconds;

    @Option(names = "--growth", descriptionKey = "bench.growth")
    boolean growth;

    @Option(names = "--growth-sizes", paramLabel = "N,M", split = ",", descriptionKey = "bench.growthSizes")
    java.util.List<Integer> growthSizes;

    @Option(names = "--growth-only", descriptionKey = "bench.growthOnly")
    boolean growthOnly;

    @Override
    public Integer call() throws Exception {
        if (seats != null) {
            return seats();
        }
        Path work = dir != null ? dir : Files.createTempDirectory("duban-bench");
        boolean noDisplay = System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank();
        BenchConfig base = quick ? BenchConfig.quick(work, headless || noDisplay)
                : BenchConfig.full(work, headless || noDisplay);
        BenchConfig config = base.withSize(tasks, reports).withRuns(runs);
        if (config.headless() && !monocleAvailable()) {
            throw new org.duban.i18n.LocalizedException("bench.error.noDisplay");
        }
        Bench.Result r = Bench.run(config, scope(), line -> {
            parent.err().println(Messages.tr("bench.progress", line));
            parent.err().flush();
        });
        if (json) {
            parent.out().print(Json.write(BenchReport.json(r)));
        } else {
            BenchReport.table(r, parent.out());
        }
        parent.out().flush();
        if (dir == null) {
            deleteQuietly(work);
        }
        return 0;
    }

    /** {@code --seats N [--seconds S] --db postgresql://…}: the seats measure only ({@link SeatsBench}). */
    private int seats() throws Exception {
        if (!parent.shared()) {
            throw new org.duban.i18n.LocalizedException("bench.error.seatsNeedServer");
        }
        SeatsBench.Result r = SeatsBench.run(() -> DubanCommand.connect(parent.location()),
                new SeatsBench.Options(seats, java.time.Duration.ofSeconds(seconds == null ? 30 : seconds), 0),
                parent.clock(), line -> {
                    parent.err().println(Messages.tr("bench.progress", line));
                    parent.err().flush();
                });
        if (json) {
            parent.out().print(Json.write(SeatsBench.json(r)));
        } else {
            SeatsBench.lines(r).forEach(parent.out()::println);
        }
        parent.out().flush();
        return r.clean() ? 0 : 1;
    }

    /** The growth steps asked for: --growth-sizes or --growth-only imply --growth. */
    Bench.Scope scope() {
        boolean any = growth || growthOnly || growthSizes != null;
        java.util.List<Integer> sizes = !any ? java.util.List.of()
                : growthSizes != null ? java.util.List.copyOf(growthSizes)
                : quick ? org.duban.app.bench.Growth.QUICK_SIZES : org.duban.app.bench.Growth.FULL_SIZES;
        for (int n : sizes) {
            if (n < 1) {
                throw new org.duban.i18n.LocalizedException("bench.error.growthSize", n);
            }
        }
        return new Bench.Scope(sizes, growthOnly);
    }

    /** Monocle (the headless JavaFX platform) is on the class path of the tests, not in the program's jar. */
    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, BenchCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover in the temp folder
                }
            });
        } catch (IOException ignored) {
            // a leftover in the temp folder
        }
    }
}
