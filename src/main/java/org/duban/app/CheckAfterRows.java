package org.duban.app;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soundness check ({@code PRAGMA quick_check}) that the window's opening left for after its first rows
 * ({@link Database#openCheckingLater}; issue 24: "checks that must run, run after the rows"). The window shows its
 * opening screen's rows read-only first; then the check runs on a thread and a connection of its own, so that
 * reading goes on meanwhile. When it passed, the day's backup is taken and adding and changing are switched on; when
 * it failed, the window stays read-only for good, the banner says the file is damaged, and the user reads what the
 * failed check at opening always said ({@code db.error.corrupt}: nothing was changed, how to restore). The ledger
 * itself refuses every write until the check passed ({@link Database#requireWritable}), whatever the screens do.
 */
final class CheckAfterRows {
    private static final Logger LOG = LoggerFactory.getLogger(CheckAfterRows.class);

    private CheckAfterRows() {
    }

    /**
     * Starts {@code check} once the work the window's screens queued on {@code runner} so far (the opening screen's
     * rows) is done. After it passed, {@code afterPass} runs on the check's thread (the day's backup: warnings for
     * the user), then the window becomes writable.
     *
     * @return the check's problems (none when sound), once the window shows its outcome; completed exceptionally
     *         when the check could not run
     */
    static CompletableFuture<List<String>> afterRows(Database db, LedgerAccess access, TaskRunner runner,
                                                     DialogService dialogs, Callable<List<String>> check,
                                                     Supplier<List<String>> afterPass) {
        return afterRows(db, access, runner, dialogs, check, afterPass, Runnable::run);
    }

    /**
     * Like the above, the check started by {@code whenDrawn} (on the FX thread) once the rows reached the FX thread:
     * the window passes the pulse that draws them, so that the check does not share the cores with that drawing.
     */
    static CompletableFuture<List<String>> afterRows(Database db, LedgerAccess access, TaskRunner runner,
                                                     DialogService dialogs, Callable<List<String>> check,
                                                     Supplier<List<String>> afterPass,
                                                     java.util.function.Consumer<Runnable> whenDrawn) {
        CompletableFuture<List<String>> outcome = new CompletableFuture<>();
        Runnable begin = () -> start(db, access, dialogs, check, afterPass, outcome);
        // the runner has one thread: this empty task ends after the loads queued before it, and its result
        // reaches the FX thread after theirs, so the rows are on screen when the check starts
        runner.run(() -> null, ignored -> whenDrawn.accept(begin), e -> whenDrawn.accept(begin));
        return outcome;
    }

    private static void start(Database db, LedgerAccess access, DialogService dialogs, Callable<List<String>> check,
                              Supplier<List<String>> afterPass, CompletableFuture<List<String>> outcome) {
        Thread t = new Thread(() -> {
            List<String> problems;
            try {
                problems = check.call();
            } catch (Exception e) {
                if (db.isClosed()) { // the window moved to another ledger meanwhile: nothing to say about this one
                    LOG.info("The check of {} stopped: the ledger was closed", db.location());
                    outcome.completeExceptionally(e);
                    return;
                }
                LOG.error("The soundness check of {} could not run", db.location(), e);
                Platform.runLater(() -> {
                    access.checkFailed("app.readOnly.bannerUnchecked");
                    dialogs.showError(Messages.tr("error.openDatabase.title"), DialogService.messageOf(e), e);
                    outcome.completeExceptionally(e);
                });
                return;
            }
            if (!problems.isEmpty()) {
                PersistenceException damaged = new PersistenceException("db.error.corrupt", db.location());
                Platform.runLater(() -> {
                    access.checkFailed("app.readOnly.bannerDamaged");
                    // what a failed check at opening has always said: nothing changed, how to restore
                    // opened, and its rows shown: the title says what was found, not that it could not open
                    dialogs.showError(Messages.tr("error.damagedDatabase.title"), DialogService.messageOf(damaged),
                            damaged);
                    outcome.complete(problems);
                });
                return;
            }
            List<String> warnings;
            try {
                warnings = afterPass.get();
            } catch (RuntimeException e) {
                LOG.warn("After the check of {}", db.location(), e);
                warnings = db.isClosed() ? List.of() : List.of(DialogService.messageOf(e));
            }
            List<String> shown = warnings;
            Platform.runLater(() -> {
                access.checkPassed();
                for (String w : shown) {
                    dialogs.showInfo(Messages.tr("warning.title"), w);
                }
                outcome.complete(problems);
            });
        }, "ledger-check");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1); // behind what the user asks for
        t.start();
    }
}
