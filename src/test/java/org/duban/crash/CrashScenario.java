package org.duban.crash;

import java.nio.file.Path;
import java.util.Map;

/**
 * One multi-row operation to kill half-way. The test prepares the database and measures it; a child process
 * runs {@link #operate} and signals when it is under way; the test kills the child, reopens the file and
 * requires the measure to be wholly "before" or wholly {@link #whenDone "done"}.
 *
 * <p>To add a case: a class with a public no-argument constructor implementing this, and one line in
 * {@link CrashSafetyTest#scenarios()}.
 */
public interface CrashScenario {
    /** In the test: the database the child will work on. */
    void prepare(Path db) throws Exception;

    /**
     * In the child: runs the operation and calls {@code signal} in the middle of it — inside its transaction,
     * with rows already written.
     */
    void operate(Path db, Signal signal) throws Exception;

    /** What the operation changes, counted on an independent connection (rows per table and the like). */
    Map<String, Long> measure(Path db) throws Exception;

    /** The measure once the operation has completed, from the measure before it. */
    Map<String, Long> whenDone(Path db, Map<String, Long> before) throws Exception;

    /**
     * True when the child stops at the signal and so is always killed before the commit (the usual case); false
     * when it goes on writing and the kill lands wherever it lands.
     */
    default boolean holdsAtSignal() {
        return true;
    }

    /** The child's side of the signal. */
    interface Signal {
        /** Tells the test the operation is under way, and goes on. */
        void underway();

        /** Tells the test, then waits here until killed. */
        void holdHere();
    }
}
