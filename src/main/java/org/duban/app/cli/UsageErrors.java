package org.duban.app.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.duban.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A mistake on the command line said in the user's language: picocli words its own parse errors in English
 * ("Unknown option: '--out'", "Missing required option: '--type=TYPE'"), which a secretariat's staff should not
 * have to read. Each kind picocli reports is said here with the option or argument it concerns; a kind not known
 * here keeps picocli's text after a localized lead-in.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    /** The sentence for {@code ex}, raised while parsing {@code args}. */
    static String message(CommandLine.ParameterException ex, String[] args) {
        if (ex.getArgSpec() != null && ex.getValue() != null && isNumber(ex.getArgSpec().type())) {
            return Messages.tr("cli.usage.notANumber", name(ex.getArgSpec()), ex.getValue()); // picocli's converter
        }
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof CommandLine.TypeConversionException) {
                return t.getMessage(); // our converters already say it in the user's language
            }
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return unmatched(u);
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return missing(m, args);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return Messages.tr("cli.usage.optionTwice", name(o.getOverwritten()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return Messages.tr("cli.usage.badValue", name(ex.getArgSpec()), ex.getValue());
        }
        return Messages.tr("cli.usage.other", ex.getMessage());
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        List<String> suggestions = u.getSuggestions();
        String hint = suggestions.isEmpty() ? "" : Messages.tr("cli.usage.didYouMean", String.join(" / ",
                suggestions));
        if (first.startsWith("-")) {
            return Messages.tr("cli.usage.unknownOption", first) + hint;
        }
        CommandLine cl = u.getCommandLine();
        boolean expectsCommand = !cl.getSubcommands().isEmpty() && cl.getCommandSpec().positionalParameters()
                .isEmpty();
        return Messages.tr(expectsCommand ? "cli.usage.unknownCommand" : "cli.usage.extraArgument",
                String.join(" ", unmatched)) + hint;
    }

    private static String missing(CommandLine.MissingParameterException m, String[] args) {
        List<ArgSpec> missing = m.getMissing();
        if (missing.size() == 1 && missing.get(0) instanceof OptionSpec o && given(o, args)) {
            return Messages.tr("cli.usage.missingValue", o.longestName(), o.paramLabel());
        }
        boolean options = missing.stream().allMatch(ArgSpec::isOption);
        String names = missing.stream().map(UsageErrors::nameWithLabel).collect(Collectors.joining("、"));
        return Messages.tr(options ? "cli.usage.missingOption" : "cli.usage.missingParameter", names);
    }

    /** Whether {@code option} itself is on the command line (then its value is what is missing). */
    private static boolean given(OptionSpec option, String[] args) {
        for (String a : args) {
            for (String n : option.names()) {
                if (a.equals(n) || a.startsWith(n + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }

    private static String nameWithLabel(ArgSpec spec) {
        if (spec instanceof OptionSpec o) {
            return o.typeInfo().isBoolean() ? o.longestName() : o.longestName() + "=" + o.paramLabel();
        }
        return spec.paramLabel();
    }
}
