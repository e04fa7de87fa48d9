package org.duban.service.ledger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.duban.persistence.AuditRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the open screens that the ledger has changed under them, so that several seats on one ledger (issue 16) see
 * each other's work without restarting, and a read-only window follows the program that writes. It polls a cheap
 * change stamp ({@link AuditRepository#changeStamp}: every change writes audit rows, none is taken away) every few
 * seconds on a daemon thread of its own, never the FX thread, and calls its listeners on that thread when the stamp
 * moved (they hop to the FX thread themselves). Works the same on SQLite and PostgreSQL.
 *
 * <p>This program's own changes move the stamp too: its screens then read once more what they have just read, which
 * keeps the selection and filters and costs one query. Tests call {@link #pollNow} instead of waiting.
 */
public final class LedgerWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWatcher.class);
    private final AuditRepository audit;
    private final BooleanSupplier open;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The stamp last seen, or null before the first poll. */
    private AuditRepository.ChangeStamp seen;
    private ScheduledExecutorService timer;

    /**
     * @param open whether the ledger is still open (polling stops once it is not)
     */
    public LedgerWatcher(AuditRepository audit, BooleanSupplier open) {
        this.audit = audit;
        this.open = open;
    }

    /** Runs {@code listener} (on the watcher's thread) each time another seat's change is seen. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Reads the change stamp now (on the caller's thread) and, when it moved since the last poll, runs the listeners.
     * The first poll only notes where the ledger stands.
     *
     * @return whether the ledger had changed
     */
    public synchronized boolean pollNow() {
        AuditRepository.ChangeStamp now = audit.changeStamp();
        AuditRepository.ChangeStamp before = seen;
        seen = now;
        if (before == null || before.equals(now)) {
            return false;
        }
        for (Runnable l : listeners) {
            l.run();
        }
        return true;
    }

    /**
     * Takes the stamp {@code noted} last saw as this watcher's own, as if this one had polled then: the window's
     * start notes it on another watcher of the same ledger before the opening screen's read ({@code StartPrefetch}).
     */
    public void seenAs(LedgerWatcher noted) {
        AuditRepository.ChangeStamp stamp;
        synchronized (noted) {
            stamp = noted.seen;
        }
        synchronized (this) {
            seen = stamp;
        }
    }

    /** Polls every {@code every} on a daemon thread until {@link #close} or the ledger is closed; once only. */
    public synchronized void start(Duration every) {
        start(every, Duration.ZERO);
    }

    /**
     * Like {@link #start(Duration)}, the first poll after {@code first}: a window that noted the stamp itself
     * ({@link #pollNow}, before its first read) polls again only once its first screen is shown.
     */
    public synchronized void start(Duration every, Duration first) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = every.toMillis();
        timer.scheduleWithFixedDelay(this::tick, first.toMillis(), ms, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (!open.getAsBoolean()) {
            close();
            return;
        }
        try {
            pollNow();
        } catch (RuntimeException e) {
            // a server that does not answer for a moment: the next tick tries again
            LOG.debug("Could not read the ledger's change stamp", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
