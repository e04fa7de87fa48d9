package org.duban.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.duban.service.Services;
import org.duban.service.ledger.LedgerWatcher;
import org.duban.ui.desk.DeskViewModel;

/**
 * The window's start on a ledger file: from its first frame, the ledger's opening ({@link LedgerOpener#forWindow}),
 * the watcher's stamp and the desk's first read run one after the other on a thread of their own, and the window is
 * built on the FX thread as soon as the ledger is open, while the desk is read. Before, the read began only once the
 * window was built (after the UI font, the theme and the views), on the window's worker (BENCHMARKS.md, helper
 * {@code sta3}). Begun before the toolkit's start instead, the opening and the read slowed the first frame by a
 * fifth to a half at this machine's load (their collections stop every thread, and their methods queue at the one
 * quick compiler thread before the toolkit's), so they wait for the frame.
 *
 * <p>The same work, in the same order, as the window did: the opening (its checks, the migration, the day's backup
 * where due), the stamp, then the read; and its failures go the same ways: the opening's exception reaches the
 * window's worker as it was thrown ({@link #opened}), so a damaged file is offered its backups
 * ({@link DamagedAtOpening}) and anything else gets the same error; a failed read shows the desk's error. Only a
 * plain, non-empty file is read so: a shared ledger and a first start (no file, an empty one) start as they did.
 */
final class StartPrefetch {
    private final Path file;
    private final CompletableFuture<Ready> opened = new CompletableFuture<>();
    private final CompletableFuture<DeskViewModel.FirstRead> desk = new CompletableFuture<>();

    /** The opened ledger, its services (the window's) and the watcher that noted its stamp before the desk's read. */
    record Ready(LedgerOpener.Opened ledger, Services services, LedgerWatcher watcher) {
    }

    private StartPrefetch(Path file) {
        this.file = file;
    }

    /**
     * For the window's start, once its first frame is drawn: a ledger file that is there and not empty is opened and
     * its desk read from now, on a thread of its own. None for a shared ledger ({@code server} not null) and for a
     * missing or empty file (the welcome).
     */
    static Optional<StartPrefetch> forWindow(String server, Path file) {
        if (server != null) {
            return Optional.empty();
        }
        Optional<StartPrefetch> p = unstarted(file);
        p.ifPresent(StartPrefetch::start);
        return p;
    }

    /** A prefetch of {@code file} not yet begun (tests run it with {@link #run}), when it is a non-empty file. */
    static Optional<StartPrefetch> unstarted(Path file) {
        return isLedgerFile(file) ? Optional.of(new StartPrefetch(file)) : Optional.empty();
    }

    private void start() {
        Thread t = new Thread(this::run, "duban-start-prefetch");
        t.setDaemon(true);
        t.start();
    }

    /** Opens and reads on the caller's thread (the thread {@link #begin} starts; tests). */
    void run() {
        Ready ready;
        try {
            LedgerOpener.Opened ledger = LedgerOpener.forWindow(file);
            Services services = Services.over(ledger.db());
            LedgerWatcher watcher = services.ledgerWatcher();
            try {
                watcher.pollNow(); // as AppContext.noteLedgerStamp: before the opening screen's read
            } catch (RuntimeException e) {
                // a failed read: the first poll notes it, as the window's own stamp would
            }
            ready = new Ready(ledger, services, watcher);
        } catch (Throwable e) {
            desk.completeExceptionally(e);
            opened.completeExceptionally(e);
            return;
        }
        opened.complete(ready);
        try {
            desk.complete(DeskViewModel.readFirst(ready.services().desk()));
        } catch (Throwable e) {
            desk.completeExceptionally(e);
        }
    }

    Path file() {
        return file;
    }


    /** Waits for the opening (on the window's worker); what it threw, thrown as it was. */
    Ready opened() throws Exception {
        return unwrapped(opened);
    }

    /** Waits for the desk's first read (on the window's worker); what it threw, thrown as it was. */
    DeskViewModel.FirstRead desk() throws Exception {
        return unwrapped(desk);
    }

    /** What was opened ahead, if {@code ledger} is it (without waiting: the window has it once it was opened). */
    Ready readyFor(LedgerOpener.Opened ledger) {
        Ready r = opened.isDone() && !opened.isCompletedExceptionally() ? opened.join() : null;
        return r != null && r.ledger() == ledger ? r : null;
    }

    /** Not to be used (the window started another way): the ledger, once opened, is closed. */
    void discard() {
        desk.whenComplete((r, e) -> opened.thenAccept(ready -> ready.ledger().db().close())); // after its read
    }

    private static <T> T unwrapped(CompletableFuture<T> f) throws Exception {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            if (cause instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }

    /**
     * Whether the window's start on {@code location} (as {@link DubanApp#launchOn} takes it) is one on a ledger
     * file that is there and not empty: the start that {@link #forWindow} reads for, decided before the toolkit.
     */
    static boolean isLedgerFileLocation(String location) {
        if (location == null || SharedLedgers.isServer(location)) {
            return false;
        }
        try {
            return isLedgerFile(Path.of(location));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean isLedgerFile(Path file) {
        try {
            return file != null && Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
