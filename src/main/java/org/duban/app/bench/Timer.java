package org.duban.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs a piece of work a few times to warm up, then several timed times. Setup and teardown are not timed. */
final class Timer {
    private Timer() {
    }

    /** Work that reports its own duration in milliseconds (a child process, a probe). */
    @FunctionalInterface
    interface Timed {
        double run() throws Exception;
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    static Figure time(int warmup, int runs, Step setup, Step work) throws Exception {
        return measure(warmup, runs, () -> {
            setup.run();
            long t0 = System.nanoTime();
            work.run();
            return (System.nanoTime() - t0) / 1e6;
        });
    }

    static Figure time(int warmup, int runs, Step work) throws Exception {
        return time(warmup, runs, () -> { }, work);
    }

    static Figure measure(int warmup, int runs, Timed timed) throws Exception {
        for (int i = 0; i < warmup; i++) {
            timed.run();
        }
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(timed.run());
        }
        return new Figure(samples);
    }

    static <T> T untimed(Callable<T> c) throws Exception {
        return c.call();
    }
}
