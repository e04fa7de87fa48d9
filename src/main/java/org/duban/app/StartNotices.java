package org.duban.app;

import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;

/** What the window tells the user at start about the ledger: open elsewhere (read-only?), warnings. */
final class StartNotices {
    private StartNotices() {
    }

    /** When another copy has the ledger open: asks whether to go on read-only; false means quit. */
    static boolean acceptReadOnly(LedgerOpener.Opened opened, DialogService dialogs) {
        if (opened.inUseMessage() == null) {
            return true;
        }
        return dialogs.confirm(Messages.tr("db.inUse.title"),
                Messages.tr("db.inUse.question", opened.inUseMessage()), Messages.tr("db.inUse.readOnly"));
    }

    /** Network share, failed daily backup: shown once the window is up. */
    static void showWarnings(LedgerOpener.Opened opened, DialogService dialogs) {
        for (String w : opened.warnings()) {
            dialogs.showInfo(Messages.tr("warning.title"), w);
        }
    }
}
