package org.duban.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The program's words in one language: the window's ({@link #window()}), or a fixed one for documents whose
 * language does not follow the window (a bulletin, a handout and a meeting pack are always Chinese).
 */
public record Translator(ResourceBundle bundle, Locale locale) {
    private static final Translator CHINESE = new Translator(Messages.load(Messages.CHINESE), Messages.CHINESE);

    public Translator {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(locale, "locale");
    }

    /** The window's language, as chosen at start (what {@link Messages#tr} uses). */
    public static Translator window() {
        return new Translator(Messages.bundle(), Messages.locale());
    }

    /** Simplified Chinese, the language of official documents. */
    public static Translator chinese() {
        return CHINESE;
    }

    /** The words of {@code locale} ({@code zh} or {@code en}; Chinese being the base). */
    public static Translator of(Locale locale) {
        return Messages.CHINESE.equals(locale) ? CHINESE : new Translator(Messages.load(locale), locale);
    }

    /** The text for {@code key} with {@link MessageFormat} arguments, or {@code !key!} when the bundle lacks it. */
    public String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
