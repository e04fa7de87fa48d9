package org.duban.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * Settings → 连接共享台账: the server, port, database, user and password of a shared ledger, a test of the login that
 * changes nothing, and connecting, which saves the connection for this computer and moves the window over. What went
 * wrong shows under the fields, in the words of {@code Database.connect} (wrong password, no answer, no database).
 */
public final class SharedLedgerViewModel {
    public static final int DEFAULT_PORT = 5432;

    private final SharedLedgerConnector connector;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty("duban");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);

    public SharedLedgerViewModel(SharedLedgerConnector connector, TaskRunner runner, DialogService dialogs) {
        this.connector = connector;
        this.runner = runner;
        this.dialogs = dialogs;
        connector.saved().ifPresent(s -> {
            host.set(s.host());
            port.set(String.valueOf(s.port()));
            database.set(s.database());
            user.set(s.user());
        });
    }

    /** Tries the login and says what it found; nothing is saved or changed. */
    public void test() {
        SharedLedgerConnector.Server server = checked();
        if (server == null || busy.get()) {
            return;
        }
        String pw = password.get();
        busy.set(true);
        say(Messages.tr("settings.shared.testing", server.url()), false);
        runner.run(() -> connector.test(server, pw), found -> {
            busy.set(false);
            say(found, false);
        }, this::failed);
    }

    /** Connects, saves the connection for this computer and moves the window to the shared ledger. */
    public void connect() {
        SharedLedgerConnector.Server server = checked();
        if (server == null || busy.get()) {
            return;
        }
        String pw = password.get();
        busy.set(true);
        say(Messages.tr("settings.shared.connecting", server.url()), false);
        runner.run(() -> connector.connect(server, pw), moveWindow -> {
            busy.set(false);
            password.set("");
            say("", false);
            moveWindow.run();
            connected.set(true);
            dialogs.showInfo(Messages.tr("settings.shared.title"),
                    Messages.tr("settings.shared.connected", server.url(), server.user()));
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        say(DialogService.messageOf(e), true);
    }

    /** The fields as a login, or null with the first problem said under them. */
    SharedLedgerConnector.Server checked() {
        String h = text(host);
        if (h.isEmpty() || h.contains("/") || h.contains(" ") || h.contains("@")) {
            say(Messages.tr(h.isEmpty() ? "settings.shared.error.host" : "settings.shared.error.hostBad", h), true);
            return null;
        }
        int p;
        try {
            p = Integer.parseInt(text(port));
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            say(Messages.tr("settings.shared.error.port", text(port)), true);
            return null;
        }
        String d = text(database);
        if (d.isEmpty() || d.contains("/") || d.contains("?") || d.contains(" ")) {
            say(Messages.tr(d.isEmpty() ? "settings.shared.error.database" : "settings.shared.error.databaseBad", d),
                    true);
            return null;
        }
        String u = text(user);
        if (u.isEmpty()) {
            say(Messages.tr("settings.shared.error.user"), true);
            return null;
        }
        return new SharedLedgerConnector.Server(h, p, d, u);
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    private void say(String text, boolean isError) {
        message.set(text);
        error.set(isError);
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** What the last test or connection found, or why the fields are refused. */
    public StringProperty messageProperty() {
        return message;
    }

    /** True when {@link #messageProperty} says what went wrong. */
    public BooleanProperty errorProperty() {
        return error;
    }

    /** Becomes true once connected (the window has moved over): the form's window closes. */
    public BooleanProperty connectedProperty() {
        return connected;
    }

    /** True while a test or a connection runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
