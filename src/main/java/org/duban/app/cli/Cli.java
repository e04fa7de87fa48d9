package org.duban.app.cli;

import java.io.PrintWriter;
import org.duban.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds and runs the command line with Chinese (or English) help and one-line errors. */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /** The configured command line; {@code out} and {@code err} receive normal output and errors. */
    public static CommandLine create(DubanCommand.GuiStarter gui, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new DubanCommand(gui));
        cl.setResourceBundle(Messages.load("org.duban.i18n.cli", Messages.locale()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.warn("Command {} failed", commandLine.getCommandName(), ex);
            commandLine.getErr().println(Messages.tr("cli.error.prefix", message(ex)));
            commandLine.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String message = UsageErrors.message(ex, args);
            c.getErr().println(Messages.tr("cli.error.usage", message, c.getCommandSpec().qualifiedName()));
            c.getErr().flush();
            return 2;
        });
        return cl;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(DubanCommand.GuiStarter gui, String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return create(gui, out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // no stack trace for the user: what happened, that nothing half-done was kept, and what to do
            err.println(Messages.tr("cli.error.prefix", Messages.tr("cli.error.outOfMemory",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024))));
            err.flush();
            LOG.error("Out of memory", e);
            return 1;
        }
    }

    /** The user-readable message: localized when the exception carries one, else its text. */
    static String message(Throwable ex) {
        String m = ex.getLocalizedMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
