package org.duban.persistence;

import org.duban.i18n.LocalizedException;

/** Something went wrong with the database file; the message says what and what to do, in the user's words. */
public class PersistenceException extends LocalizedException {
    private static final long serialVersionUID = 1L;

    public PersistenceException(String key, Object... args) {
        super(key, args);
    }

    public PersistenceException(Throwable cause, String key, Object... args) {
        super(cause, key, args);
    }
}
