package org.duban.service.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.duban.i18n.LocalizedException;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerIdentity;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.Repositories;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.sqlite.BackupFolder;
import org.duban.persistence.sqlite.Backups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the ledger is copied and how many copies are kept. Copies go to the {@code backups/} folder beside the
 * database ({@link BackupFolder}); after each new copy only the newest {@link #keep()} are kept.
 *
 * <ul>
 *   <li>the first start of a day ({@link #dailyIfDue()}), for the window and the command line;</li>
 *   <li>before a risky change: {@link #backupBefore(BackupReason)}, which every import calls (not a close-out:
 *       each of its steps changes one application and is undone by reopening, and a copy per step would push
 *       the daily copies out of the kept ones);</li>
 *   <li>before a schema upgrade (done by {@link Database#open}) and before every restore ({@link #restore}).</li>
 * </ul>
 */
public final class BackupService {
    /** Setting: how many backups of the ledger to keep. */
    public static final String KEEP_SETTING = "backup.keep";
    public static final int DEFAULT_KEEP = 30;
    public static final int MAX_KEEP = 999;
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final Database db;
    private final BackupFolder folder;
    private final SettingsRepository settings;
    private final Clock clock;

    /** The backups of the ledger {@code db}; copies are named by {@code clock}'s time. */
    public BackupService(Database db, Repositories repos, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.folder = db.isShared() ? null : BackupFolder.besides(db.file(), clock);
        this.settings = repos.settings();
    }

    /**
     * The backups folder beside the ledger's file. A shared ledger has none (yet): its backup is a {@code copy-to}
     * a file, and what needs the folder is refused with a message saying so.
     */
    private BackupFolder backupFolder() {
        if (folder == null) {
            throw new org.duban.persistence.PersistenceException("db.error.server.fileOnly", db.location());
        }
        return folder;
    }

    /**
     * Copies the ledger into the backups folder before a change of many rows. Call it <em>before</em> opening
     * the transaction of the change (SQLite cannot copy a database from inside a transaction on it); when it
     * throws, do not make the change.
     *
     * @return the new backup
     * @throws LocalizedException saying why no copy could be made (full disk, read-only folder ...)
     */
    public Backup backupBefore(BackupReason reason) {
        Backup b = backupFolder().write(db, reason);
        prune();
        return b;
    }

    /** Takes the day's backup when there is none from today yet: call once after opening an existing ledger. */
    public Optional<Backup> dailyIfDue() {
        if (db.isReadOnly()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        boolean done = backupFolder().list().stream()
                .anyMatch(b -> b.reason() == BackupReason.DAILY && b.takenAt().toLocalDate().equals(today));
        return done ? Optional.empty() : Optional.of(backupBefore(BackupReason.DAILY));
    }

    /**
     * The backups in the {@code backups/} folder beside a ledger file, newest first, without opening the ledger (it
     * may be too damaged to open: these are what can replace it).
     */
    public static List<Backup> besides(Path ledgerFile) {
        return BackupFolder.besides(ledgerFile.toAbsolutePath().normalize()).list();
    }

    /** This ledger's backups, newest first. */
    public List<Backup> list() {
        return backupFolder().list();
    }

    public Path folder() {
        return backupFolder().path();
    }

    /** The newest backup taken for {@code reason}. */
    public Optional<Backup> newest(BackupReason reason) {
        return list().stream().filter(b -> b.reason() == reason).findFirst();
    }

    /** How many backups are kept (setting {@value #KEEP_SETTING}, default {@value #DEFAULT_KEEP}). */
    public int keep() {
        try {
            int n = Integer.parseInt(settings.get(KEEP_SETTING, String.valueOf(DEFAULT_KEEP)).strip());
            return Math.max(1, Math.min(MAX_KEEP, n));
        } catch (NumberFormatException e) {
            return DEFAULT_KEEP;
        }
    }

    public void setKeep(int keep) {
        if (keep < 1 || keep > MAX_KEEP) {
            throw new LocalizedException("backup.error.keepRange", 1, MAX_KEEP);
        }
        settings.put(KEEP_SETTING, String.valueOf(keep));
        prune();
    }

    private void prune() {
        List<Backup> deleted = backupFolder().prune(keep());
        if (!deleted.isEmpty()) {
            LOG.info("Deleted {} old backups of {}", deleted.size(), db.file());
        }
    }

    /** A copy of the ledger at a place the user chose (command {@code backup FILE}). */
    public void backupTo(Path file) {
        Backups.write(db, file);
    }

    /** The audit head (留痕校验) a backup copy holds, read from the copy; empty for one older than the chain. */
    public Optional<AuditChain.Head> headOf(Path copy) {
        return Backups.headOf(copy);
    }

    /** The audit head of a backup copy as the user reads it ("留痕校验 3f9a…c21 / 第 18342 条"), or "". */
    public String headLabelOf(Path copy) {
        return headOf(copy).map(h -> org.duban.i18n.Messages.tr("audit.head.label", h.shortHash(), h.row()))
                .orElse("");
    }

    /**
     * Replaces the ledger with {@code source} after checking it, all or nothing. The current ledger is backed
     * up first (reason {@link BackupReason#RESTORE}), so a restore can itself be undone.
     *
     * @return the backup holding the replaced ledger
     * @throws LocalizedException naming what is wrong with the file; the ledger is then unchanged
     */
    public Backup restore(Path source, DoubleConsumer progress) {
        return restore(source, progress, false);
    }

    /**
     * Like {@link #restore(Path, DoubleConsumer)}; a backup of another ledger (another id) is refused with
     * {@link OtherLedgerException} unless {@code otherLedgerConfirmed}, before anything is written.
     */
    public Backup restore(Path source, DoubleConsumer progress, boolean otherLedgerConfirmed) {
        if (db.isReadOnly()) {
            throw new LocalizedException("db.error.readOnlyMode", db.file());
        }
        if (source.toAbsolutePath().normalize().equals(db.file())) {
            throw new LocalizedException("restore.error.sameFile", db.file());
        }
        LedgerIdentity.Summary backup = Backups.describe(source);
        if (!otherLedgerConfirmed) {
            currentLedger().filter(current -> current.id().isPresent() && backup.id().isPresent()
                    && !current.id().equals(backup.id())).ifPresent(current -> {
                        throw new OtherLedgerException(backup, current);
                    });
        }
        Backup replaced = db.soundness() == Database.Soundness.DAMAGED
                ? keepDamaged() // found damaged after the window opened: its check already said so
                : backupOrKeep();
        Backups.restore(db, source, progress);
        return replaced;
    }

    /** The ledger backed up before it is replaced; a damaged one kept byte for byte instead. */
    private Backup backupOrKeep() {
        try {
            return backupBefore(BackupReason.RESTORE);
        } catch (PersistenceException e) {
            if (!"db.error.corrupt".equals(e.key())) {
                throw e;
            }
            return keepDamaged();
        }
    }

    /** A damaged ledger is kept as it is (a rebuilt copy would not be the file), so that a restore can be undone. */
    private Backup keepDamaged() {
        LOG.warn("{} is damaged; keeping its file as it is before the restore", db.file());
        return backupFolder().keepAsIs(db, BackupReason.RESTORE);
    }

    /** The open ledger in short; empty when it is too damaged to tell (a restore is how it gets repaired). */
    private Optional<LedgerIdentity.Summary> currentLedger() {
        try {
            return Optional.of(LedgerIdentity.describe(db));
        } catch (PersistenceException e) {
            LOG.info("{} cannot say which ledger it is; restoring without asking", db.file(), e);
            return Optional.empty();
        }
    }
}
