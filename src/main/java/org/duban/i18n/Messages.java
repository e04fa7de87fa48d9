package org.duban.i18n;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Every user-visible text, from {@code org/duban/i18n/messages*.properties}. Simplified Chinese is the base
 * bundle (the default whatever the machine's locale); English is {@code messages_en}.
 *
 * <p>The locale is chosen once at start ({@link #use(Locale)}); lookups never fall back to the machine's
 * default locale, so an English Linux desktop still gets the Chinese program unless the user asks.
 */
public final class Messages {
    public static final String BUNDLE = "org.duban.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static volatile Locale locale = CHINESE;
    private static volatile ResourceBundle bundle = load(CHINESE);

    private Messages() {
    }

    public static ResourceBundle load(Locale locale) {
        return load(BUNDLE, locale);
    }

    /** Another bundle (e.g. the command line's) in the given locale, Chinese being its base. */
    public static ResourceBundle load(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chooses the language for the rest of the run: {@code zh}/{@code zh_CN} (default) or {@code en}. */
    public static void use(Locale newLocale) {
        bundle = load(Objects.requireNonNull(newLocale));
        locale = newLocale;
    }

    /** Reads a language tag as given on the command line or in settings; unknown tags mean Chinese. */
    public static Locale localeFor(String tag) {
        if (tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return CHINESE;
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The chosen language. */
    public static Locale locale() {
        return locale;
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments filled in. */
    public static String tr(String key, Object... args) {
        // Always through MessageFormat, so that every pattern follows one quoting rule ('' for an apostrophe).
        return Translator.window().tr(key, args);
    }
}
