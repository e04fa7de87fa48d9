package org.duban.ui.tasks;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.duban.i18n.Messages;
import org.duban.model.Deadline;
import org.duban.model.Milestone;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tracking.AssignmentState;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.LightBadge;

/**
 * How the checklist's cells show a row: short forms where the long one would not fit a 1366 px screen (the whole in
 * a tooltip and in the detail view), the light with its reasons, and a tooltip on every cell whose text is cut.
 * With a unit chosen ({@code scope}), light, status and latest report are that unit's share.
 */
final class ChecklistCells {
    /** A deadline phrase this long or shorter is shown as written; a longer one by its short form. */
    static final int DEADLINE_AS_WRITTEN = 9;

    private ChecklistCells() {
    }

    /** 2026-11-16 福安 55%：text, the most recent report of the unit in scope, or of any unit. */
    static String latestText(ChecklistRow row, Long scope) {
        return row.latestReporter(scope).map(s -> Messages.tr("tasks.latest",
                DateFields.text(s.latestReport().reportedOn()),
                row.units().stream().filter(u -> u.id() == s.unitId()).map(Unit::shortName).findFirst().orElse(""),
                s.latestReport().percent(), s.latestReport().text())).orElse(Messages.tr("tasks.latest.none"));
    }

    /** The latest report, and under it the late milestones of the unit(s) in scope. */
    static String latestFull(ChecklistRow row, Long scope) {
        String late = row.states(scope).stream().flatMap(s -> s.lateMilestones().stream()).map(Milestone::name)
                .distinct().collect(Collectors.joining("、"));
        String latest = latestText(row, scope);
        return late.isEmpty() ? latest : latest + "\n" + Messages.tr("tasks.latest.lateMilestones", late);
    }

    /** 市长督办, 副市长督办·逾期: the leader's title without its bracketed part. */
    static String supervisionShort(ChecklistRow row) {
        if (!row.supervised()) {
            return "";
        }
        String leader = row.tracking().supervision().leader();
        int cut = firstOf(leader, '（', '(');
        String shortLeader = cut > 0 ? leader.substring(0, cut).strip() : leader;
        return Messages.tr(row.tracking().supervisionReportOverdue() ? "tasks.supervision.overdue.short"
                : "tasks.supervision.short", shortLeader);
    }

    static String supervisionText(ChecklistRow row) {
        if (!row.supervised()) {
            return "";
        }
        return Messages.tr(row.tracking().supervisionReportOverdue() ? "tasks.supervision.overdue"
                : "tasks.supervision.on", row.tracking().supervision().leader());
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** One unit by its name; several by their short names (蕉城、福安、东侨), the full names in the tooltip. */
    static String unitsShort(ChecklistRow row) {
        List<Unit> units = row.units();
        if (units.size() == 1) {
            return units.get(0).name();
        }
        return units.stream().map(u -> u.shortName() == null || u.shortName().isBlank() ? u.name() : u.shortName())
                .collect(Collectors.joining("、"));
    }

    /** The phrase as written when short; else 立行立改, 长期坚持 or the due date. */
    static String deadlineShort(Deadline d) {
        String phrase = d.phrase();
        if (phrase == null || phrase.length() <= DEADLINE_AS_WRITTEN) {
            return phrase;
        }
        if (d.isImmediate()) {
            return Messages.tr("deadline.short.immediate");
        }
        if (d.isOngoing()) {
            return Messages.tr("deadline.short.ongoing");
        }
        return d.dueDate().map(DateFields::text).orElse(phrase);
    }

    static String deadlineFull(Deadline d) {
        return d.dueDate().map(day -> Messages.tr("tasks.deadline.tooltip.date", d.phrase(), DateFields.text(day)))
                .orElseGet(() -> Messages.tr("tasks.deadline.tooltip", d.phrase()));
    }

    static String statusShort(TaskStatus s) {
        return Messages.tr("status.short." + s.name());
    }

    static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    /**
     * A cell showing {@code shown} of its value; the whole ({@code full}) in a tooltip when that says more, or when
     * the shown text is cut (a narrow column, a long text).
     */
    static class FitCell<T> extends TableCell<ChecklistRow, T> {
        private final Function<T, String> shown;
        private final BiFunction<ChecklistRow, T, String> full;
        private String fullText;

        FitCell(Function<T, String> shown, BiFunction<ChecklistRow, T, String> full) {
            this.shown = shown;
            this.full = full;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            ChecklistRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                fullText = null;
                return;
            }
            String text = shown.apply(item);
            setText(text);
            fullText = full == null || row == null ? text : full.apply(row, item);
            setTooltip(Objects.equals(fullText, text) || fullText == null || fullText.isEmpty() ? null
                    : tooltip(fullText));
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (getTooltip() == null && fullText != null && !fullText.isEmpty() && isCut()) {
                setTooltip(tooltip(fullText));
            }
        }

        /** The text drawn differs from the cell's text: JavaFX cut it with "…". */
        boolean isCut() {
            return lookup(".text") instanceof Text t && !Objects.equals(t.getText(), getText());
        }
    }

    /** The light with its word, and why in a tooltip (each unit in scope that is not green, its late milestones). */
    static final class LightCell extends TableCell<ChecklistRow, WarningLight> {
        private final Supplier<Long> scope;

        LightCell(Supplier<Long> scope) {
            this.scope = scope;
        }

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
            for (AssignmentState s : row.states(scope.get())) {
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
            setTooltip(sb.isEmpty() ? null : new Tooltip(sb.toString().strip()));
        }
    }

    /** The status in its short form, coloured; the whole word in the tooltip where it is longer. */
    static final class StatusCell extends FitCell<TaskStatus> {
        StatusCell() {
            super(ChecklistCells::statusShort, (row, s) -> Messages.tr("status." + s.name()));
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(TaskStatus item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("status-") && !s.equals("status-cell"));
            if (empty || item == null) {
                return;
            }
            getStyleClass().add(switch (item) {
                case CLOSED -> "status-closed";
                case ACCEPTED -> "status-accepted";
                case COMPLETED -> "status-completed";
                case BEHIND_SCHEDULE -> "status-behind";
                default -> "status-open";
            });
        }
    }

    /** A long text (问题, 最新进展): one line, or wrapped onto two when the user chose two-line rows. */
    static final class WrapCell extends FitCell<String> {
        WrapCell(Supplier<Boolean> twoLines, BiFunction<ChecklistRow, String, String> full) {
            super(s -> s, full);
            this.twoLines = twoLines;
        }

        private final Supplier<Boolean> twoLines;

        @Override
        protected void updateItem(String item, boolean empty) {
            setWrapText(twoLines.get());
            super.updateItem(item, empty);
        }
    }
}
