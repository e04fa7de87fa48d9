package org.duban.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.duban.app.cli.QuickCompiler;
import org.duban.service.Services;
import org.duban.service.ledger.LedgerWatcher;
import org.duban.ui.desk.DeskViewModel;

/**
 * The window's start on a ledger file: the ledger's opening ({@link LedgerOpener#forWindow}), begun on a thread of
 * its own before JavaFX starts, and the desk's first read on the same thread from the window's first frame. The
 * toolkit's start (about a second, mostly on one core) left the second core idle while the window waited for its
 * first frame to begin opening the ledger; now the opening runs beside it, and the desk's read begins at the first
 * frame instead of after the window was built (BENCHMARKS.md, helper {@code sta3}). The read waits for the frame:
 * begun earlier, it slowed the first frame (its garbage collections stop every thread, and its methods queue at
 * the one quick compiler thread before the toolkit's).
 *
 * <p>The same work, in the same order, as the window did after its first frame: the opening (its checks, the
 * migration, the day's backup where due), the watcher's stamp, then the desk's read; and its failures go the same
 * ways: the opening's exception reaches the window's worker as it was thrown ({@link #opened}), so a damaged file
 * is offered its backups ({@link DamagedAtOpening}) and anything else gets the same error; a failed desk read shows
 * the desk's error. Only a plain, non-empty file is read ahead: a shared ledger, a first start (no file, an empty
 * one) and the settings' missing file start as they always did.
 */
final class StartPrefetch {
    private final Path file;
    /** The quick compiler only, from before the opening until the rows are shown (the window releases it). */
    private final QuickCompiler.StartOnly compiler;
    private final CompletableFuture<Ready> opened = new CompletableFuture<>();
    private final CompletableFuture<DeskViewModel.FirstRead> desk = new CompletableFuture<>();
    /** Completed once the window's first frame is drawn ({@link #framed}), or when not to be read at all. */
    private final CompletableFuture<Boolean> read = new CompletableFuture<>();

    /** The opened ledger, its services (the window's) and the watcher that noted its stamp before the desk's read. */
    record Ready(LedgerOpener.Opened ledger, Services services, LedgerWatcher watcher) {
    }

    private StartPrefetch(Path file, QuickCompiler.StartOnly compiler) {
        this.file = file;
        this.compiler = compiler;
    }

    /**
     * For the window's start on {@code location} (as {@link DubanApp#launchOn} takes it): a ledger file named on the
     * command line that is there and not empty is opened and its desk read from now, on a thread of its own. None
     * for a shared ledger ({@code postgresql://…}), for no location (the settings choose: the server they name, or
     * the file they prefer) and for a missing or empty file (the welcome).
     */
    static Optional<StartPrefetch> forLocation(String location) {
        if (location == null || SharedLedgers.isServer(location)) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(location);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty(); // the window says so, as it always did
        }
        Optional<StartPrefetch> p = unstarted(file);
        p.ifPresent(StartPrefetch::start);
        return p;
    }

    /** A prefetch of {@code file} not yet begun (tests run it with {@link #run}), when it is a non-empty file. */
    static Optional<StartPrefetch> unstarted(Path file) {
        return isLedgerFile(file) ? Optional.of(new StartPrefetch(file, QuickCompiler.whileStarting()))
                : Optional.empty();
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
        if (!read.join()) {
            desk.cancel(false); // discarded before its read
            return;
        }
        try {
            desk.complete(DeskViewModel.readFirst(ready.services().desk()));
        } catch (Throwable e) {
            desk.completeExceptionally(e);
        }
    }

    Path file() {
        return file;
    }

    /** The quick compiler asked for at {@link #begin}, for the window to release once its rows are shown. */
    QuickCompiler.StartOnly compiler() {
        return compiler;
    }

    /**
     * The window's first frame is drawn: the desk's read may begin (while the window is built). Until then only the
     * opening runs beside the toolkit's start, whose one quick compiler thread would otherwise be kept busy with
     * the read's methods while the first frame waits for its own.
     */
    void framed() {
        read.complete(true);
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
        read.complete(false);
        compiler.release();
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

    private static boolean isLedgerFile(Path file) {
        try {
            return file != null && Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
