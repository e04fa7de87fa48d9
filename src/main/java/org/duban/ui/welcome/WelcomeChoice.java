package org.duban.ui.welcome;

/** How a new database starts: with the sample meeting to try things out, or empty with the default roster. */
public enum WelcomeChoice {
    SAMPLE,
    EMPTY
}
