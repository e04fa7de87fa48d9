package org.duban.app.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
final class QuickCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(QuickCompiler.class);
    private static final String C1_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompiler() {
    }

    static void request() {
        Thread t = new Thread(QuickCompiler::addDirective, "duban-quick-compiler");
        t.setDaemon(true);
        t.start();
    }

    /** Adds the directive now; false when this JVM does not take it. */
    static boolean addDirective() {
        try {
            Path file = Files.createTempFile("duban-c1-", ".json");
            try {
                Files.writeString(file, C1_ONLY);
                Object result = diagnosticCommand("compilerDirectivesAdd", file.toString());
                LOG.debug("Compiler directive: {}", result);
                return true;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            LOG.debug("The JVM keeps its own compilers: {}", e.toString());
            return false;
        }
    }

    /** Runs a {@code jcmd} command (by its MBean operation name) in this JVM and returns what it printed. */
    static Object diagnosticCommand(String operation, String... args) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {args}, new String[] {String[].class.getName()});
    }
}
