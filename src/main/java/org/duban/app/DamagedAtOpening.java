package org.duban.app;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Backup;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.backup.BackupService;
import org.duban.ui.common.DialogService;

/**
 * A ledger file found damaged while the window opens it (its soundness check at opening failed): instead of only
 * saying so and quitting, the window offers the backups beside it, newest first. The chosen one replaces the file as
 * the {@code restore} command would (checked first, all or nothing), the damaged file kept byte for byte in
 * {@code backups/} so that nothing is lost; then the window opens the ledger as usual. Declining quits as before.
 */
final class DamagedAtOpening {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DamagedAtOpening() {
    }

    /** A backup as the list shows it: "2026-12-06 09:00  每日自动备份". */
    record Choice(Backup backup) {
        @Override
        public String toString() {
            return Messages.tr("startup.damaged.choice", TIME.format(backup.takenAt()),
                    Messages.tr("backup.reason." + backup.reason().name()));
        }
    }

    /** Whether opening failed because the file is damaged (and not for another reason, such as a lock or a path). */
    static boolean isDamaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LocalizedException l && "db.error.corrupt".equals(l.key())) {
                return true;
            }
        }
        return false;
    }

    /** The backups that could replace {@code file}, newest first. Off the FX thread. */
    static List<Backup> backups(Path file) {
        return BackupService.besides(file);
    }

    /**
     * Asks which backup to restore, after the message of the failed opening. On the FX thread.
     *
     * @return empty when the user declined, or when there is no backup (then only the message is shown)
     */
    static Optional<Backup> ask(DialogService dialogs, String damagedMessage, List<Backup> backups) {
        String title = Messages.tr("error.damagedDatabase.title");
        if (backups.isEmpty()) {
            dialogs.showError(title, damagedMessage, null);
            return Optional.empty();
        }
        List<Choice> choices = backups.stream().map(Choice::new).toList();
        return dialogs.choose(title, Messages.tr("startup.damaged.ask", damagedMessage), choices).map(Choice::backup);
    }

    /**
     * Replaces the damaged {@code file} with {@code chosen}, as {@code restore} does: the copy is checked first,
     * the damaged file is kept as it is in {@code backups/}, all or nothing. Off the FX thread.
     *
     * @return the kept copy of the damaged file
     */
    static Backup restore(Path file, Backup chosen) {
        try (Database db = Database.openForRestore(file)) {
            return Services.over(db).backups().restore(chosen.file(), done -> { });
        }
    }
}
