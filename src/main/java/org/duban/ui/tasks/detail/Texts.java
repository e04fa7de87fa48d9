package org.duban.ui.tasks.detail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.duban.i18n.Messages;
import org.duban.model.AuditEntry;
import org.duban.model.CloseOutStage;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.LightReason;

/** How the detail view words states, reasons and audit rows. */
final class Texts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Texts() {
    }

    /** Why the light is what it is: 已超期、有逾期节点, or 正常推进. */
    static String reasons(AssignmentState s) {
        if (s.reasons().isEmpty()) {
            return Messages.tr(s.status().isCompleted() ? "detail.reason.done" : "detail.reason.none");
        }
        return s.reasons().stream().sorted().map(r -> Messages.tr("light.reason." + r.name()))
                .collect(Collectors.joining("、"));
    }

    static String reason(LightReason r) {
        return Messages.tr("light.reason." + r.name());
    }

    /** 进度 45%（序时 60%）, or 进度 45% for 长期坚持 work. */
    static String progress(AssignmentState s) {
        if (s.expectedPercent() == null || s.status().isCompleted()) {
            return Messages.tr("detail.progress.plain", s.percent());
        }
        return Messages.tr("detail.progress.withExpected", s.percent(), Math.round(s.expectedPercent()));
    }

    static String stage(CloseOutStage stage) {
        return stage == null ? Messages.tr("closeOut.stage.none") : Messages.tr("closeOut.stage." + stage.name());
    }

    static String time(AuditEntry e) {
        return TIME.format(e.at().atZone(ZoneId.systemDefault()));
    }

    /** 进展报告 / 节点 / 销号 ... */
    static String entity(AuditEntry e) {
        return Messages.tr("audit.entity." + e.entity().name());
    }

    /** 新增, 删除, or the changed field's name. */
    static String what(AuditEntry e) {
        return switch (e.action()) {
            case CREATE -> Messages.tr("audit.action.CREATE");
            case DELETE -> Messages.tr("audit.action.DELETE");
            case UPDATE -> field(e.field());
        };
    }

    static String field(String field) {
        return org.duban.service.audit.AuditText.field(org.duban.i18n.Translator.window(), field);
    }

    /** A stored value in words: statuses, results, cycles and levels translated; other text as it is. */
    static String value(String field, String v) {
        return org.duban.service.audit.AuditText.value(org.duban.i18n.Translator.window(), field, v);
    }
}
