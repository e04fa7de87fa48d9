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
                         String java, String display, double seconds, List<Measure> measures) {
    }

    public static Result run(BenchConfig config, Consumer<String> log) throws Exception {
        SqliteTool sqlite = SqliteTool.find().orElseThrow(() -> new LocalizedException("bench.error.noSqlite"));
        long t0 = System.nanoTime();
        String started = LocalDateTime.now(Services.systemClock()).truncatedTo(ChronoUnit.SECONDS).toString();
        double loadBefore = load();
        BenchData data = BenchData.prepare(config, log);
        List<Measure> measures = new ArrayList<>();
        ChildMeasures child = new ChildMeasures(config, data);
        log.accept("start-up (child JVMs)");
        measures.addAll(child.startup());
        log.accept("handouts (child JVMs)");
        measures.add(child.handouts());
        log.accept("checklist, lights, statistics, export, backup, import");
        measures.addAll(new InProcessMeasures(config, data, sqlite).onMainLedger());
        String display = config.headless() ? "Monocle headless" : "DISPLAY=" + System.getenv("DISPLAY");
        return new Result(config, started, Runtime.getRuntime().availableProcessors(), loadBefore, load(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), display,
                (System.nanoTime() - t0) / 1e9, measures);
    }

    /** The one-minute load average (on Linux the run queue, counting other helpers' builds). */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
