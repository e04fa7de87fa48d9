package org.duban.ui.common;

import org.duban.i18n.Messages;

/** The one question before a form with typed text is closed unsaved (Esc, 取消, the close box, leaving the view). */
public final class FormGuard {
    private FormGuard() {
    }

    /** True when nothing was typed, or the user agrees to throw it away (取消 is the default answer). */
    public static boolean mayDiscard(boolean dirty, DialogService dialogs) {
        return !dirty || dialogs.confirmDestructive(Messages.tr("form.discard.title"),
                Messages.tr("form.discard.message"), Messages.tr("form.discard.ok"));
    }
}
