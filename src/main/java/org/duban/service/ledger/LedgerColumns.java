package org.duban.service.ledger;

import java.util.List;
import java.util.stream.Collectors;
import org.duban.i18n.Messages;
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

    public static List<LedgerColumn> standard() {
        return List.of(
                new LedgerColumn("task.field.seq", 6, r -> LedgerColumn.Cell.centered(String.valueOf(r.task().seq()))),
                new LedgerColumn("task.field.source", 14, r -> LedgerColumn.Cell.of(r.task().source())),
                new LedgerColumn("task.field.category", 10, r -> LedgerColumn.Cell.of(r.task().category())),
                new LedgerColumn("task.field.problem", 40, r -> LedgerColumn.Cell.of(r.task().problem())),
                new LedgerColumn("task.field.target", 30, r -> LedgerColumn.Cell.of(r.task().target())),
                new LedgerColumn("task.field.measures", 40, r -> LedgerColumn.Cell.of(r.task().measures())),
                new LedgerColumn("task.field.units", 18, r -> LedgerColumn.Cell.of(
                        r.units().stream().map(Unit::name).collect(Collectors.joining("、")))),
                new LedgerColumn("task.field.supportingUnits", 16, r -> LedgerColumn.Cell.of(r.task().supportingUnits())),
                new LedgerColumn("task.field.leader", 14, r -> LedgerColumn.Cell.of(r.task().leader())),
                new LedgerColumn("task.field.deadline", 14, r -> LedgerColumn.Cell.of(r.task().deadline().phrase())),
                new LedgerColumn("task.field.remarks", 12, r -> LedgerColumn.Cell.of(r.task().remarks())),
                new LedgerColumn("ledger.column.dueDate", 12, r -> LedgerColumn.Cell.centered(due(r.task().deadline()))),
                new LedgerColumn("task.field.status", 12, r -> LedgerColumn.Cell.filled(
                        Messages.tr("status." + r.task().status().name()), statusFill(r.task().status()))),
                new LedgerColumn("ledger.column.unitStatuses", 24, LedgerColumns::unitStatuses));
    }

    private static String due(Deadline d) {
        if (d.isOngoing()) {
            return Messages.tr("ledger.due.ongoing");
        }
        return d.dueDate().map(Object::toString)
                .orElse(d.isImmediate() ? Messages.tr("ledger.due.immediate") : "");
    }

    private static LedgerColumn.Cell unitStatuses(LedgerRow r) {
        return LedgerColumn.Cell.of(r.units().stream()
                .map(u -> Messages.tr("ledger.unitStatus", u.name(),
                        Messages.tr("status." + r.unitStatuses().getOrDefault(u, TaskStatus.NOT_STARTED).name())))
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
