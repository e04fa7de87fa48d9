package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window's quick start path takes only --db and --lang; everything else goes to the command line. */
class LauncherTest {
    @Test
    void onlyDatabaseAndLanguageOpenTheWindowDirectly() {
        assertEquals(Optional.of(Optional.empty()), Launcher.windowOnly(new String[] {}));
        assertEquals(Optional.of(Optional.of(Path.of("x.db").toString())),
                Launcher.windowOnly(new String[] {"--db", "x.db"}));
        assertEquals(Optional.of(Optional.of(Path.of("x.db").toString())),
                Launcher.windowOnly(new String[] {"--lang", "en", "--db=x.db"}));
        assertEquals(Optional.of(Optional.of("postgresql://server:5432/duban")),
                Launcher.windowOnly(new String[] {"--db", "postgresql://server:5432/duban"}), "a shared ledger's window");
        assertEquals(Optional.of(Optional.empty()), Launcher.windowOnly(new String[] {"--lang=zh"}));
    }

    @Test
    void subcommandsHelpAndMalformedOptionsGoToTheCommandLine() {
        for (String[] args : new String[][] {{"--db", "x.db", "stats"}, {"--help"}, {"--version"}, {"--db"},
            {"--db", "--lang", "en"}, {"--db", "a.db", "--db", "b.db"}, {"--db="}, {"stats"}, {"--bogus"}}) {
            assertTrue(Launcher.windowOnly(args).isEmpty(), String.join(" ", args));
        }
    }

    @Test
    void javaFxsClassPathNoticeIsDroppedAndItsOtherMessagesKept() {
        Launcher.quietJavaFx();
        java.util.List<String> seen = new java.util.ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("javafx");
        jul.addHandler(capture);
        try {
            // the way JavaFX logs (System.Logger "javafx", backed by java.util.logging)
            System.Logger fx = System.getLogger("javafx");
            fx.log(System.Logger.Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from "
                    + "'unnamed module @69eee410'");
            fx.log(System.Logger.Level.WARNING, "Could not parse a style sheet");
        } finally {
            jul.removeHandler(capture);
        }
        assertEquals(java.util.List.of("Could not parse a style sheet"), seen);
    }
}
