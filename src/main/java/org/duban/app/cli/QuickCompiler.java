package org.duban.app.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For a batch command that runs a few seconds: asks HotSpot to compile with its quick compiler (C1) only. In a
 * run that short the optimising compiler (C2) spends more of the two cores than its code saves: the handouts of
 * 2,000 tasks took 3.6 s with it and 2.8 s without (2.1 CPU seconds of the run were C2 compiling), and of 8,000
 * tasks 6.6 s and 5.2 s. The JVM takes such a request at run time as a compiler directive (what
 * {@code jcmd PID Compiler.directives_add} does), through its DiagnosticCommand MBean, on a background thread. A
 * JVM without that MBean (a runtime without {@code jdk.management} and {@code jdk.jfr}, another vendor's VM)
 * compiles as it likes.
 *
 * <p>The window asks for the same while it starts ({@link #whileStarting}): in a profiled start on the 10,000-task
 * ledger C2 took more of the two cores than reading the ledger did (BENCHMARKS.md, helper {@code sta2}), and it
 * gives C2 back once the opening screen's rows are shown, for what becomes hot in the hours after.
 */
public final class QuickCompiler {
    private static final String C1_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompiler() {
    }

    static void request() {
        Thread t = new Thread(QuickCompiler::addDirective, "duban-quick-compiler");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The quick compiler only, from now (on a background thread) until {@link StartOnly#release}. A method the
     * optimising compiler was denied meanwhile keeps C1's code (HotSpot marks it so for good); every other method
     * is compiled as usual after the release.
     */
    public static StartOnly whileStarting() {
        CompletableFuture<Boolean> added = new CompletableFuture<>();
        Thread t = new Thread(() -> added.complete(addDirective()), "duban-quick-compiler");
        t.setDaemon(true);
        t.start();
        return new StartOnly(added);
    }

    /** The window's request for the quick compiler while it starts; {@link #release} ends it (once). */
    public static final class StartOnly {
        private final CompletableFuture<Boolean> added;
        private CompletableFuture<Void> released;

        private StartOnly(CompletableFuture<Boolean> added) {
            this.added = added;
        }

        /**
         * Both compilers again, from a background thread once the directive was added (if this JVM took it).
         *
         * @return done when the directive is gone (or was never there)
         */
        public synchronized CompletableFuture<Void> release() {
            if (released == null) {
                released = added.thenAcceptAsync(ok -> {
                    if (ok) {
                        try {
                            diagnosticCommand("compilerDirectivesRemove");
                        } catch (Exception | LinkageError e) {
                            log().debug("The quick compiler's directive stays: {}", e.toString());
                        }
                    }
                });
            }
            return released;
        }

        /** Whether the directive was added, once the request has been answered (tests). */
        public boolean added() {
            return added.join();
        }
    }

    /** Adds the directive now; false when this JVM does not take it. */
    static boolean addDirective() {
        try {
            Path file = Files.createTempFile("duban-c1-", ".json");
            try {
                Files.writeString(file, C1_ONLY);
                Object result = diagnosticCommand("compilerDirectivesAdd", file.toString());
                log().debug("Compiler directive: {}", result);
                return true;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            log().debug("The JVM keeps its own compilers: {}", e.toString());
            return false;
        }
    }

    /** Taken when needed: the window starts logging after its first frame (Launcher). */
    private static Logger log() {
        return LoggerFactory.getLogger(QuickCompiler.class);
    }

    /** Runs a {@code jcmd} command (by its MBean operation name) in this JVM and returns what it printed. */
    static Object diagnosticCommand(String operation, String... args) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {args}, new String[] {String[].class.getName()});
    }
}
