package org.duban.ui.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.duban.i18n.Messages;
import org.duban.model.Unit;
import org.duban.service.importer.FieldChange;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.PlannedRow;
import org.duban.service.tasks.TaskField;

/**
 * The wizard's change list: one line per change the import would make, in row order. A new task; a task whose
 * problem text changes, side by side with how alike the two texts are; each unit's share withdrawn (with the
 * records it keeps) or restored; units added; every other field that changes, old and new.
 */
final class ChangeLines {
    /** What a line is about; the view marks problem texts that look like another task and withdrawn shares. */
    enum Kind { NEW_TASK, PROBLEM, OTHER_PROBLEM, WITHDRAWN, RESTORED, UNITS_ADDED, FIELD }

    /** One line: the task's 序号, what changes, the old and the new text. */
    record Line(int seq, Kind kind, String what, String before, String after) {
    }

    private ChangeLines() {
    }

    static List<Line> of(ImportPlan plan) {
        List<Line> lines = new ArrayList<>();
        for (PlannedRow r : plan.rows()) {
            if (!r.ok() || r.change() == PlannedRow.Change.UNCHANGED && r.withdrawals().isEmpty()
                    && r.restored().isEmpty()) {
                continue;
            }
            int seq = r.task().seq();
            if (r.change() == PlannedRow.Change.ADDED) {
                lines.add(new Line(seq, Kind.NEW_TASK, Messages.tr("import.changes.newTask"), "", r.task().problem()));
                continue;
            }
            if (r.problemChanges()) {
                boolean other = r.differentTask();
                lines.add(new Line(seq, other ? Kind.OTHER_PROBLEM : Kind.PROBLEM,
                        Messages.tr(other ? "import.changes.otherProblem" : "import.changes.problem",
                                Math.round(r.problemSimilarity() * 100)), r.existing().problem(), r.task().problem()));
            }
            for (PlannedRow.Withdrawal w : r.withdrawals()) {
                lines.add(new Line(seq, Kind.WITHDRAWN, Messages.tr("import.changes.withdrawn"), w.unit().name(),
                        Messages.tr("import.changes.withdrawnKeeps", w.recordsText())));
            }
            if (!r.restored().isEmpty()) {
                lines.add(new Line(seq, Kind.RESTORED, Messages.tr("import.changes.restored"), "",
                        r.restored().stream().map(Unit::name).collect(Collectors.joining("、"))));
            }
            Set<Long> before = new HashSet<>(r.existing().unitIds());
            r.restored().forEach(u -> before.add(u.id()));
            List<String> added = r.units().stream().filter(u -> !before.contains(u.id())).map(Unit::name).toList();
            if (!added.isEmpty()) {
                lines.add(new Line(seq, Kind.UNITS_ADDED, Messages.tr("import.changes.unitsAdded"), "",
                        String.join("、", added)));
            }
            for (FieldChange c : r.changes()) {
                if (c.field() != TaskField.PROBLEM && c.field() != TaskField.UNITS) {
                    lines.add(new Line(seq, Kind.FIELD, Messages.tr(c.field().labelKey()), c.before(), c.after()));
                }
            }
        }
        return lines;
    }

    /** The line above the list: what the import does, in numbers, leaving out what it does not do. */
    static String summary(ImportPlan plan) {
        int added = plan.count(PlannedRow.Change.ADDED);
        int updated = plan.count(PlannedRow.Change.UPDATED);
        int texts = plan.textChanges().size();
        int other = (int) plan.textChanges().stream().filter(PlannedRow::differentTask).count();
        int withdrawn = plan.withdrawals().size();
        int restored = plan.restoredCount();
        int unchanged = plan.count(PlannedRow.Change.UNCHANGED);
        List<String> parts = new ArrayList<>();
        if (added > 0) {
            parts.add(Messages.tr("import.changes.part.added", added));
        }
        if (updated > 0) {
            parts.add(texts == 0 ? Messages.tr("import.changes.part.updated", updated)
                    : Messages.tr("import.changes.part.updatedTexts", updated, texts, other));
        }
        if (withdrawn > 0) {
            parts.add(Messages.tr("import.changes.part.withdrawn", withdrawn));
        }
        if (restored > 0) {
            parts.add(Messages.tr("import.changes.part.restored", restored));
        }
        if (unchanged > 0) {
            parts.add(Messages.tr("import.changes.part.unchanged", unchanged));
        }
        String line = parts.isEmpty() ? Messages.tr("import.changes.none")
                : Messages.tr("import.changes.summary", String.join(Messages.tr("import.changes.part.separator"), parts));
        return other > 0 ? line + Messages.tr("import.changes.redHint") : line;
    }
}
