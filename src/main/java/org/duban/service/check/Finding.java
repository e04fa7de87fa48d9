package org.duban.service.check;

import java.util.List;
import org.duban.i18n.Messages;

/** One problem a check found: a bundle key with its arguments, so the report reads in the user's language. */
public record Finding(String key, List<Object> args) {
    public Finding {
        args = List.copyOf(args);
    }

    public static Finding of(String key, Object... args) {
        return new Finding(key, List.of(args));
    }

    public String text() {
        return Messages.tr(key, args.toArray());
    }
}
