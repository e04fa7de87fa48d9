package org.duban.app.bench;

import java.nio.file.Path;

/**
 * What a bench run measures on, and how often.
 *
 * @param tasks        tasks of the main ledger (checklist, lights, statistics, export, import, backup, start-up)
 * @param reports      progress reports of the main ledger
 * @param handoutTasks tasks of the handout ledger (the target is for 2,000)
 * @param warmup       untimed runs before the timed ones, in this process
 * @param runs         timed runs, in this process
 * @param childWarmup  untimed starts of a child process (fills the disk cache, takes the day's first backup)
 * @param childRuns    timed starts of a child process
 * @param headless     child windows on Monocle's headless platform instead of the display
 */
public record BenchConfig(int tasks, int reports, int handoutTasks, int warmup, int runs, int childWarmup,
                          int childRuns, boolean headless, Path dir, long seed) {
    /**
     * The full run: five untimed runs before the timed ones in this process, since two left the optimising compiler
     * still compiling the checklist's load during the timed runs (0.2 to 3 s a run, helper sta2's profile): the
     * in-process figures are the program's steady state; its cold start is the window measures' figure.
     */
    public static BenchConfig full(Path dir, boolean headless) {
        return new BenchConfig(10_000, 100_000, 2_000, 5, 5, 1, 5, headless, dir, 1);
    }

    /** Small and cheap: for CI, well under a minute. */
    public static BenchConfig quick(Path dir, boolean headless) {
        return new BenchConfig(1_000, 10_000, 200, 1, 3, 0, 2, headless, dir, 1);
    }

    public BenchConfig withSize(Integer t, Integer r) {
        return new BenchConfig(t == null ? tasks : t, r == null ? reports : r, handoutTasks, warmup, runs, childWarmup,
                childRuns, headless, dir, seed);
    }

    public BenchConfig withRuns(Integer n) {
        return n == null ? this : new BenchConfig(tasks, reports, handoutTasks, warmup, n, childWarmup, n, headless,
                dir, seed);
    }
}
