package org.duban.corpus;

import org.duban.app.cli.Cli;

/** The command line in a process of its own (the tests' child JVMs have 512 MiB of heap), as a user runs it. */
public final class CliChild {
    private CliChild() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(database -> {
            throw new IllegalStateException("no window in a child");
        }, args));
    }
}
