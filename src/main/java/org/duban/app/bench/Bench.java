package org.duban.app.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.duban.i18n.LocalizedException;
import org.duban.service.Services;

/**
 * {@code bench}: makes its ledgers with the generator, then measures each figure and its floor in the same run
 * (see BENCHMARKS.md for what each measure and floor is).
 */
public final class Bench {
    private Bench() {
    }

    /** What a run found, with the conditions it ran under. */
    public record Result(BenchConfig config, String started, int cores, double loadBefore, double loadAfter,
                         String java, String display, double seconds, List<Measure> measures,
                         List<Growth.Row> growth, LibreOffice.Floor office) {
        public Result(BenchConfig config, String started, int cores, double loadBefore, double loadAfter,
                      String java, String display, double seconds, List<Measure> measures) {
            this(config, started, cores, loadBefore, loadAfter, java, display, seconds, measures, List.of(), null);
        }

        public Result(BenchConfig config, String started, int cores, double loadBefore, double loadAfter,
                      String java, String display, double seconds, List<Measure> measures,
                      List<Growth.Row> growth) {
            this(config, started, cores, loadBefore, loadAfter, java, display, seconds, measures, growth, null);
        }
    }

    /**
     * What to measure besides the figures.
     *
     * @param growthSizes the ledger sizes (tasks) of {@code --growth}, empty for none
     * @param growthOnly  only the growth steps (no figures)
     */
    public record Scope(List<Integer> growthSizes, boolean growthOnly) {
        public static final Scope FIGURES = new Scope(List.of(), false);
    }

    public static Result run(BenchConfig config, Consumer<String> log) throws Exception {
        return run(config, Scope.FIGURES, log);
    }

    public static Result run(BenchConfig config, Scope scope, Consumer<String> log) throws Exception {
        long t0 = System.nanoTime();
        String started = LocalDateTime.now(Services.systemClock()).truncatedTo(ChronoUnit.SECONDS).toString();
        double loadBefore = load();
        List<Measure> measures = new ArrayList<>();
        LibreOffice.Floor office = null;
        if (!scope.growthOnly()) {
            SqliteTool sqlite = SqliteTool.find().orElseThrow(() -> new LocalizedException("bench.error.noSqlite"));
            BenchData data = BenchData.prepare(config, log);
            ChildMeasures child = new ChildMeasures(config, data);
            log.accept("start-up (child JVMs)");
            measures.addAll(child.startup());
            log.accept("handouts (child JVMs)");
            measures.add(child.handouts());
            office = child.office();
            log.accept("checklist, lights, statistics, export, backup, import");
            measures.addAll(new InProcessMeasures(config, data, sqlite).onMainLedger());
        }
        List<Growth.Row> growth = scope.growthSizes().isEmpty() ? List.of()
                : new Growth(config).run(scope.growthSizes(), log);
        String display = config.headless() ? "Monocle headless" : "DISPLAY=" + System.getenv("DISPLAY");
        return new Result(config, started, Runtime.getRuntime().availableProcessors(), loadBefore, load(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), display,
                (System.nanoTime() - t0) / 1e9, measures, growth, office);
    }

    /** The one-minute load average (on Linux the run queue, counting other helpers' builds). */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
