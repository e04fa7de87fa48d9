package org.duban.app;

import org.duban.service.audit.AuditLog;

/**
 * The operator's name of this seat of a shared ledger, kept in this user's preferences on this computer
 * ({@code seat.operator}): every seat writes to the one ledger, so the name cannot live in the ledger's settings,
 * which the last seat to save would own. By default the seat's login to the server, else the computer's login name.
 */
public final class SeatOperator implements AuditLog.Seat {
    private final UserPreferences preferences;
    private final String login;

    /** {@code login}: the user this seat logged in to the server as, or null. */
    public SeatOperator(UserPreferences preferences, String login) {
        this.preferences = preferences;
        this.login = login;
    }

    @Override
    public String name() {
        return preferences.seatOperator().orElse("");
    }

    @Override
    public void setName(String name) {
        preferences.setSeatOperator(name);
    }

    @Override
    public String fallback() {
        return login != null && !login.isBlank() ? login : AuditLog.defaultOperator();
    }
}
