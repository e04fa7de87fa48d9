package org.duban.ui.tasks;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.duban.i18n.Messages;
import org.duban.model.Deadline;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tracking.AssignmentState;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.LightBadge;

/** How the checklist's cells show a row: the light with its reasons, long texts, deadlines, statuses. */
final class ChecklistCells {
    private ChecklistCells() {
    }

    /** 2026-11-16 福安 55%：text, the most recent report of any unit. */
    static String latestText(ChecklistRow row) {
        return row.latestReporter().map(s -> Messages.tr("tasks.latest", DateFields.text(s.latestReport().reportedOn()),
                row.units().stream().filter(u -> u.id() == s.unitId()).map(Unit::shortName).findFirst().orElse(""),
                s.latestReport().percent(), s.latestReport().text())).orElse(Messages.tr("tasks.latest.none"));
    }

    static String supervisionText(ChecklistRow row) {
        if (!row.supervised()) {
            return "";
        }
        return Messages.tr(row.tracking().supervisionReportOverdue() ? "tasks.supervision.overdue"
                : "tasks.supervision.on", row.tracking().supervision().leader());
    }

    /** The light with its word, and why in a tooltip (each unit that is not green). */
    static final class LightCell extends TableCell<ChecklistRow, WarningLight> {
        @Override
        protected void updateItem(WarningLight item, boolean empty) {
            super.updateItem(item, empty);
            LightBadge.show(this, empty ? null : item);
            ChecklistRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || row.tracking() == null) {
                setTooltip(null);
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (AssignmentState s : row.tracking().states()) {
                String unit = row.units().stream().filter(u -> u.id() == s.unitId()).map(Unit::name).findFirst()
                        .orElse("");
                sb.append(unit).append("：").append(Messages.tr("light." + s.light().name()));
                if (!s.reasons().isEmpty()) {
                    sb.append("（").append(s.reasons().stream().sorted()
                            .map(r -> Messages.tr("light.reason." + r.name()))
                            .collect(Collectors.joining("、"))).append("）");
                }
                sb.append('\n');
            }
            setTooltip(new Tooltip(sb.toString().strip()));
        }
    }

    /** A cell that shows one line and the whole text in a tooltip. */
    static final class TooltipCell extends TableCell<ChecklistRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.length() < 20 ? null : wrapTooltip(item));
        }
    }

    private static Tooltip wrapTooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    static final class DeadlineCell extends TableCell<ChecklistRow, Deadline> {
        @Override
        protected void updateItem(Deadline item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.phrase());
            setTooltip(empty || item == null || item.dueDate().isEmpty() ? null
                    : new Tooltip(Messages.tr("task.form.deadlineHint.date",
                            item.dueDate().get().format(DateTimeFormatter.ISO_LOCAL_DATE))));
        }
    }

    static final class StatusCell extends TableCell<ChecklistRow, TaskStatus> {
        StatusCell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(TaskStatus item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("status-") && !s.equals("status-cell"));
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(Messages.tr("status." + item.name()));
            getStyleClass().add(switch (item) {
                case CLOSED -> "status-closed";
                case ACCEPTED -> "status-accepted";
                case COMPLETED -> "status-completed";
                case BEHIND_SCHEDULE -> "status-behind";
                default -> "status-open";
            });
        }
    }
}
