package org.duban.service.backup;

import java.nio.file.Path;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.persistence.LedgerIdentity;

/**
 * The backup chosen for a restore holds another ledger (its id differs): nothing was restored. The window asks
 * whether to go on, naming both; the command line says so and how to go on ({@code --other-ledger}).
 */
public final class OtherLedgerException extends LocalizedException {
    private static final long serialVersionUID = 1L;
    private final transient Path backupFile;
    private final String backupInShort;
    private final transient Path currentFile;
    private final String currentInShort;

    OtherLedgerException(LedgerIdentity.Summary backup, LedgerIdentity.Summary current) {
        this(backup.file(), inShort(backup), current.file(), inShort(current));
    }

    private OtherLedgerException(Path backupFile, String backupInShort, Path currentFile, String currentInShort) {
        super("restore.error.otherLedger", backupFile, backupInShort, currentFile, currentInShort);
        this.backupFile = backupFile;
        this.backupInShort = backupInShort;
        this.currentFile = currentFile;
        this.currentInShort = currentInShort;
    }

    /** "2026-03-19 生态环境保护重点工作任务交办会，120 项任务". */
    private static String inShort(LedgerIdentity.Summary ledger) {
        return Messages.tr("restore.ledger", ledger.latestMeeting().isEmpty()
                ? Messages.tr("restore.ledger.noMeeting") : ledger.latestMeeting(), ledger.tasks());
    }

    public Path backupFile() {
        return backupFile;
    }

    /** The backup's newest meeting and its number of tasks. */
    public String backupInShort() {
        return backupInShort;
    }

    public Path currentFile() {
        return currentFile;
    }

    /** The open ledger's newest meeting and its number of tasks. */
    public String currentInShort() {
        return currentInShort;
    }
}
