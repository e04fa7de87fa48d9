package org.duban.service.ledger;

import java.util.List;
import java.util.stream.Collectors;
import org.duban.i18n.Translator;
import org.duban.model.Deadline;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;

/**
 * The ledger's columns in order. The task columns carry the headings the importer reads back (so an exported
 * ledger re-imports with every field); the columns after them are derived and the importer ignores them.
 * Tracking adds its columns here: 红黄绿灯 (a {@link LedgerColumn.Cell#filled} cell), 最新进展, 销号日期.
 */
public final class LedgerColumns {
    private LedgerColumns() {
    }

    /** The columns in the window's language. */
    public static List<LedgerColumn> standard() {
        return standard(Translator.window());
    }

    /** The columns with the statuses and phrases in {@code words}' language (the headings are the exporter's). */
    public static List<LedgerColumn> standard(Translator words) {
        return List.of(
                new LedgerColumn("task.field.seq", 6, r -> LedgerColumn.Cell.centered(String.valueOf(r.task().seq()))),
                new LedgerColumn("task.field.source", 14, r -> LedgerColumn.Cell.of(r.task().source())),
                new LedgerColumn("task.field.category", 10, r -> LedgerColumn.Cell.of(r.task().category())),
                new LedgerColumn("task.field.problem", 40, r -> LedgerColumn.Cell.of(r.task().problem())),
                new LedgerColumn("task.field.target", 30, r -> LedgerColumn.Cell.of(r.task().target())),
                new LedgerColumn("task.field.measures", 40, r -> LedgerColumn.Cell.of(r.task().measures())),
                new LedgerColumn("task.field.units", 18, r -> LedgerColumn.Cell.of(
                        r.units().stream().map(Unit::name).collect(Collectors.joining("、")))),
                new LedgerColumn("task.field.leadUnit", 16, r -> LedgerColumn.Cell.of(r.leadUnitName())),
                new LedgerColumn("task.field.supportingUnits", 16, r -> LedgerColumn.Cell.of(r.task().supportingUnits())),
                new LedgerColumn("task.field.leader", 14, r -> LedgerColumn.Cell.of(r.task().leader())),
                new LedgerColumn("task.field.deadline", 14, r -> LedgerColumn.Cell.of(r.task().deadline().phrase())),
                new LedgerColumn("task.field.remarks", 12, r -> LedgerColumn.Cell.of(r.task().remarks())),
                new LedgerColumn("ledger.column.dueDate", 12,
                        r -> LedgerColumn.Cell.centered(due(words, r.task().deadline()))),
                new LedgerColumn("task.field.status", 12, r -> LedgerColumn.Cell.filled(
                        words.tr("status." + r.task().status().name()), statusFill(r.task().status()))),
                new LedgerColumn("ledger.column.unitStatuses", 24, r -> unitStatuses(words, r)));
    }

    private static String due(Translator words, Deadline d) {
        if (d.isOngoing()) {
            return words.tr("ledger.due.ongoing");
        }
        return d.dueDate().map(Object::toString)
                .orElse(d.isImmediate() ? words.tr("ledger.due.immediate") : "");
    }

    private static LedgerColumn.Cell unitStatuses(Translator words, LedgerRow r) {
        return LedgerColumn.Cell.of(r.units().stream()
                .map(u -> words.tr("ledger.unitStatus", u.name(),
                        words.tr("status." + r.unitStatuses().getOrDefault(u, TaskStatus.NOT_STARTED).name())))
                .collect(Collectors.joining("\n")));
    }

    /** Pale fills that print legibly in black and white. */
    static int statusFill(TaskStatus s) {
        return switch (s) {
            case CLOSED, ACCEPTED -> 0xE2EFDA;
            case COMPLETED -> 0xDDEBF7;
            case BEHIND_SCHEDULE -> 0xFCE4D6;
            case ON_SCHEDULE -> 0xFFF2CC;
            case NOT_STARTED -> 0xFFFFFF;
        };
    }
}
