package org.duban.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.duban.app.cli.Cli;

/** Runs the real command line in the test JVM and keeps what it printed. A window is never opened. */
public final class CliRunner {
    private CliRunner() {
    }

    /** Exit code, standard output and error output of one run. */
    public record Result(int code, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(db -> {
            throw new AssertionError("no window from a test");
        }, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
