package org.duban.app;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import org.duban.i18n.Messages;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.postgresql.PostgresOpening;
import org.duban.ui.settings.SharedLedgerConnector;

/**
 * Settings → 连接共享台账 over the real server: a test that logs in and looks ({@link PostgresOpening#probe}, nothing
 * written), and connecting, which opens the ledger as the window does at start ({@link LedgerOpener#forServer}),
 * then keeps the connection for this computer ({@link SharedLedgers#save}: the password in the data folder's
 * owner-only password file) and hands the ledger to {@code activate}, which moves the window over.
 */
public final class SharedLedgerSwitch implements SharedLedgerConnector {
    private final SharedLedgers ledgers;
    private final Consumer<LedgerOpener.Opened> activate;

    public SharedLedgerSwitch(SharedLedgers ledgers, Consumer<LedgerOpener.Opened> activate) {
        this.ledgers = ledgers;
        this.activate = activate;
    }

    @Override
    public Optional<Server> saved() {
        return ledgers.preferences().server().flatMap(s -> {
            try {
                URI u = new URI(s.url());
                String host = u.getHost() == null ? "" : u.getHost().replaceAll("^\\[|]$", "");
                return Optional.of(new Server(host, u.getPort() < 0 ? 5432 : u.getPort(), u.getPath().substring(1),
                        s.user()));
            } catch (java.net.URISyntaxException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String test(Server server, String password) {
        PostgresOpening.Probe probe = PostgresOpening.probe(server.url(),
                new ServerCredentials(server.user(), password));
        if (probe.empty()) {
            return Messages.tr(probe.writable() ? "settings.shared.test.empty" : "settings.shared.test.emptyReadOnly",
                    probe.location(), server.user());
        }
        if (probe.version() < probe.latest()) {
            return Messages.tr(probe.writable() ? "settings.shared.test.older" : "settings.shared.test.olderReadOnly",
                    probe.location(), probe.version(), probe.latest());
        }
        return Messages.tr(probe.writable() ? "settings.shared.test.ok" : "settings.shared.test.okReadOnly",
                probe.location(), server.user());
    }

    @Override
    public Runnable connect(Server server, String password) {
        ServerCredentials credentials = new ServerCredentials(server.user(), password);
        LedgerOpener.Opened opened = LedgerOpener.forServer(server.url(), credentials);
        try {
            ledgers.save(server.url(), credentials);
        } catch (RuntimeException e) {
            opened.db().close();
            throw e;
        }
        return () -> activate.accept(opened);
    }
}
