package org.duban.app;

import org.slf4j.LoggerFactory;

/**
 * Starts logging the way a command does ({@link Launcher#initLoggingInBackground()}) and logs at once, while
 * logback is still configuring on its thread: the case in which SLF4J replays the stand-in loggers' calls.
 */
public final class EarlyLoggingChild {
    private EarlyLoggingChild() {
    }

    public static void main(String[] args) throws ReflectiveOperationException, InterruptedException {
        Launcher.initLoggingInBackground();
        // Wait until the logging thread is inside SLF4J's initialisation (its state 1, ONGOING_INITIALIZATION), so
        // that the calls below are certain to meet stand-in loggers rather than racing the thread to it.
        java.lang.reflect.Field state = LoggerFactory.class.getDeclaredField("INITIALIZATION_STATE");
        state.setAccessible(true);
        while (state.getInt(null) == 0) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < 50; i++) {
            LoggerFactory.getLogger("early." + i).info("logged before logging was configured: {}", i);
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("duban-logging-init")) {
                t.join(); // the replay, and SLF4J's notice of it, come at the end of the configuration
            }
        }
        System.out.println("done");
    }
}
