package org.duban.service.audit;

import org.duban.i18n.Translator;

/**
 * An audit row in words, for every place that shows the history: the task detail's 修改记录 (the window's
 * language) and the dossier (一案一档, always Chinese). Field names and stored codes (statuses, verification
 * results and levels, report cycles) become the words the screens use; other values stay as written.
 */
public final class AuditText {
    private AuditText() {
    }

    /** 状态, 验收层级 … for a field's code name; the code itself when the bundle has no word for it. */
    public static String field(Translator t, String field) {
        String text = t.tr("audit.field." + field);
        return text.startsWith("!") ? field : text;
    }

    /** A stored value in words: statuses, results, cycles and levels translated; other text as it is. */
    public static String value(Translator t, String field, String v) {
        if (v == null) {
            return "";
        }
        String key = switch (field) {
            case "status" -> "status." + v;
            case "verificationResult" -> "closeOut.result." + v;
            case "verificationLevel" -> "closeOut.level." + v;
            case "cycle" -> "supervision.cycle." + v;
            default -> null;
        };
        if (key == null) {
            return v;
        }
        String text = t.tr(key);
        return text.startsWith("!") ? v : text;
    }
}
