package org.duban.persistence;

/**
 * Who logs in to a shared ledger's server. The password is never shown: not by {@link #toString()}, not in logs,
 * not in messages.
 */
public record ServerCredentials(String user, String password) {
    public ServerCredentials {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("A user is needed to log in to the server");
        }
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "ServerCredentials[user=" + user + ", password=***]";
    }
}
