package org.duban.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.duban.i18n.Messages;
import org.duban.model.Deadline;
import org.duban.model.WarningLight;
import org.duban.service.tasks.ChecklistRow;

/**
 * The checklist's columns, in one place: a new column is one entry in {@link #all}. Each says how wide it is:
 * {@link Width#FIT} columns (short values: light, units, deadline, status, 挂牌督办) take the width of their widest
 * shown text, so that they are never cut; {@link Width#FLEX} columns (问题, 最新进展) share what is left and wrap
 * in two-line rows.
 */
final class ChecklistColumns {
    /** How a column gets its width. */
    enum Width {
        /** as wide as its widest shown value (and the header), never narrower */
        FIT,
        /** shares the rest of the table's width; its text wraps in two-line rows */
        FLEX,
        /** a set width */
        FIXED
    }

    /** Key of the column's {@link Width} in its properties. */
    static final String WIDTH = "duban.width";
    /** Key of the column's shown text (a {@code Function<ChecklistRow, String>}) in its properties, to measure. */
    static final String SHOWN = "duban.shown";
    static final String CAP = "duban.cap";
    /** 蕉城、福安、福鼎、霞浦、东侨 and a little more; nine units take two lines */
    static final double UNITS_CAP = 220;

    private final Supplier<Long> scope;
    private final Supplier<Boolean> twoLines;

    /**
     * @param scope    the unit whose share the row shows, or null for the whole task
     * @param twoLines whether rows are two lines high
     */
    ChecklistColumns(Supplier<Long> scope, Supplier<Boolean> twoLines) {
        this.scope = scope;
        this.twoLines = twoLines;
    }

    /** Every column, in the default order; hidden ones are offered in the header menu. */
    List<TableColumn<ChecklistRow, ?>> all() {
        List<TableColumn<ChecklistRow, ?>> columns = new ArrayList<>();
        TableColumn<ChecklistRow, Integer> seq = column("seqColumn", "task.field.seq", Width.FIXED, 64,
                r -> r.task().seq(), r -> String.valueOf(r.task().seq()), null);
        seq.setMinWidth(56);
        seq.setMaxWidth(72);
        seq.setStyle("-fx-alignment: CENTER;");
        columns.add(seq);
        columns.add(column("lightColumn", "tasks.column.light", Width.FIT, 96,
                r -> r.light(scope.get()), r -> light(r.light(scope.get())), () -> new ChecklistCells.LightCell(scope)));
        columns.add(column("problemColumn", "task.field.problem", Width.FLEX, 400, r -> r.task().problem(),
                r -> r.task().problem(), () -> new ChecklistCells.WrapCell(twoLines, null)));
        TableColumn<ChecklistRow, String> units = column("unitsColumn", "task.field.units", Width.FIT, 180,
                ChecklistCells::unitsShort, ChecklistCells::unitsShort,
                () -> new ChecklistCells.WrapCell(twoLines, (row, s) -> row.unitNames()));
        units.getProperties().put(CAP, UNITS_CAP);
        columns.add(units);
        // 牵头单位 (issue 14): shown once a task of the list has one (ChecklistTable), else in the column menu
        TableColumn<ChecklistRow, String> lead = column("leadUnitColumn", "task.field.leadUnit", Width.FIT, 130,
                ChecklistRow::leadUnitName, ChecklistRow::leadUnitName,
                () -> new ChecklistCells.FitCell<String>(s -> s, null));
        lead.getProperties().put(CAP, UNITS_CAP);
        lead.setVisible(false);
        columns.add(lead);
        TableColumn<ChecklistRow, Deadline> deadline = column("deadlineColumn", "task.field.deadline", Width.FIT, 120,
                r -> r.task().deadline(), r -> ChecklistCells.deadlineShort(r.task().deadline()),
                () -> new ChecklistCells.FitCell<Deadline>(ChecklistCells::deadlineShort,
                        (row, d) -> ChecklistCells.deadlineFull(d)));
        columns.add(deadline);
        columns.add(column("statusColumn", "task.field.status", Width.FIT, 110, r -> r.status(scope.get()),
                r -> ChecklistCells.statusShort(r.status(scope.get())), ChecklistCells.StatusCell::new));
        columns.add(column("latestColumn", "tasks.column.latest", Width.FLEX, 300,
                r -> ChecklistCells.latestText(r, scope.get()), r -> ChecklistCells.latestText(r, scope.get()),
                () -> new ChecklistCells.WrapCell(twoLines, (row, s) -> ChecklistCells.latestFull(row, scope.get()))));
        columns.add(column("supervisionColumn", "tasks.column.supervision", Width.FIT, 110,
                ChecklistCells::supervisionShort, ChecklistCells::supervisionShort,
                () -> new ChecklistCells.FitCell<String>(s -> s, (row, s) -> ChecklistCells.supervisionText(row))));
        TableColumn<ChecklistRow, String> source = column("sourceColumn", "task.field.source", Width.FIT, 150,
                r -> r.task().source(), r -> r.task().source(), () -> new ChecklistCells.FitCell<String>(s -> s, null));
        source.setVisible(false);
        columns.add(source);
        TableColumn<ChecklistRow, String> category = column("categoryColumn", "task.field.category", Width.FIT, 100,
                r -> r.task().category(), r -> r.task().category(),
                () -> new ChecklistCells.FitCell<String>(s -> s, null));
        category.setVisible(false);
        columns.add(category);
        return columns;
    }

    private static String light(WarningLight l) {
        return l == null ? "" : Messages.tr("light." + l.name());
    }

    /**
     * A column: its value (what it sorts by), the text it shows (what it is measured by) and its cell. A null
     * cell means plain text.
     */
    private static <T> TableColumn<ChecklistRow, T> column(String id, String headerKey, Width width, double prefWidth,
                                                           Function<ChecklistRow, T> value,
                                                           Function<ChecklistRow, String> shown,
                                                           Supplier<TableCell<ChecklistRow, T>> cell) {
        TableColumn<ChecklistRow, T> c = new TableColumn<>(Messages.tr(headerKey));
        c.setId(id);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        if (cell != null) {
            c.setCellFactory(x -> cell.get());
        }
        c.setPrefWidth(prefWidth);
        c.getProperties().put(WIDTH, width);
        c.getProperties().put(SHOWN, shown);
        if (width == Width.FIT) {
            c.setMinWidth(40);
        }
        return c;
    }

    /** The widest a FIT column grows: a long list of units is cut (whole in the tooltip, wrapped in two-line rows). */
    static double capOf(TableColumn<?, ?> c) {
        return (Double) c.getProperties().getOrDefault(CAP, Double.MAX_VALUE);
    }

    static Width widthOf(TableColumn<?, ?> c) {
        return (Width) c.getProperties().getOrDefault(WIDTH, Width.FIXED);
    }

    @SuppressWarnings("unchecked")
    static Function<ChecklistRow, String> shownOf(TableColumn<?, ?> c) {
        return (Function<ChecklistRow, String>) c.getProperties().get(SHOWN);
    }
}
