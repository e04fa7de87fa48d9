package org.duban.i18n;

import java.util.Arrays;

/**
 * An exception whose message a user can read: it carries a bundle key and its arguments, and
 * {@link #getLocalizedMessage()} gives the text in the chosen language. Stack traces go to the log only.
 */
public class LocalizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    public LocalizedException(String key, Object... args) {
        this(null, key, args);
    }

    public LocalizedException(Throwable cause, String key, Object... args) {
        super(key + Arrays.toString(args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String getLocalizedMessage() {
        return Messages.tr(key, args);
    }
}
