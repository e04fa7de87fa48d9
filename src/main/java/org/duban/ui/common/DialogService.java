package org.duban.ui.common;

/**
 * Every dialog and error message goes through here, so that tests can stand in for the user's answer.
 * Messages are short and in the user's language; details (stack traces) sit behind an expander.
 */
public interface DialogService {

    /** Tells the user something went wrong. {@code cause} may be null. */
    void showError(String title, String message, Throwable cause);

    void showInfo(String title, String message);

    /** Asks a yes/no question; true when the user confirms with {@code okText}. */
    boolean confirm(String title, String message, String okText);

    /**
     * Asks before a step that deletes, replaces or undoes (a task deleted, a backup restored, an import undone, units
     * merged): {@code okText} names the step, and the default button, the one Enter presses, is 取消, so a reflexive
     * Enter keeps the ledger as it is. True only when the user chooses {@code okText}.
     */
    default boolean confirmDestructive(String title, String message, String okText) {
        return confirm(title, message, okText);
    }

    /**
     * Lets the user pick files to open (evidence to attach); empty when cancelled.
     * Implementations that cannot show a file chooser return nothing.
     */
    default java.util.List<java.nio.file.Path> chooseFiles(String title) {
        return java.util.List.of();
    }

    /** Lets the user pick where to save a file, starting from {@code fileName}; empty when cancelled. */
    default java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String fileName) {
        return java.util.Optional.empty();
    }

    /**
     * Lets the user pick where to save a file of one type, starting from {@code fileName}; the chooser offers
     * {@code filterName} ({@code "PDF"}) for {@code pattern} ({@code "*.pdf"}). Empty when cancelled.
     */
    default java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String fileName, String filterName,
                                                                  String pattern) {
        return chooseSaveFile(title, fileName);
    }

    /** Lets the user pick a folder (where to write a meeting pack); empty when cancelled. */
    default java.util.Optional<java.nio.file.Path> chooseFolder(String title) {
        return java.util.Optional.empty();
    }

    /**
     * Lets the user pick one of {@code options} (shown by their toString), such as the unit to merge another into;
     * empty when cancelled. Implementations that cannot ask return nothing.
     */
    default <T> java.util.Optional<T> choose(String title, String message, java.util.List<T> options) {
        return java.util.Optional.empty();
    }

    /** The answers to "there are unsaved changes": keep them, throw them away, or stay where one is. */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /**
     * Asks what to do with unsaved changes before leaving a screen: 保存 / 不保存 / 取消, with 取消 the default
     * button so that Enter stays. Implementations that cannot ask answer {@link Unsaved#CANCEL}.
     */
    default Unsaved askUnsaved(String title, String message) {
        return Unsaved.CANCEL;
    }

    /** The message to show for an exception: its localized text. */
    static String messageOf(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof org.duban.i18n.LocalizedException) {
                return t.getLocalizedMessage();
            }
            t = t.getCause();
        }
        String m = e == null ? null : e.getLocalizedMessage();
        return m == null || m.isBlank() ? org.duban.i18n.Messages.tr("error.unexpected") : m;
    }
}
