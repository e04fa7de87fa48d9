package org.duban.model;

/** A 完成时限 phrase that the program cannot read. {@link #phrase()} quotes it as written. */
public final class DeadlineFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String phrase;

    public DeadlineFormatException(String phrase) {
        super("Unreadable deadline phrase: \"" + phrase + "\"");
        this.phrase = phrase;
    }

    /** The phrase as the user or the file gave it. */
    public String phrase() {
        return phrase;
    }
}
