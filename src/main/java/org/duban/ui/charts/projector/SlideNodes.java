package org.duban.ui.charts.projector;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.chart.ChartStyle;
import org.duban.service.chart.ProgressCharts;
import org.duban.service.stats.Stats;
import org.duban.service.stats.UnitBrief;
import org.duban.service.stats.UnitRank;
import org.duban.service.stats.UnitStats;
import org.duban.service.tracking.TaskTracking;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.title.TextTitle;

/**
 * The body of each slide. Sizes are in em of the slide's root font (24 px at 1920 × 1080, scaled with the screen),
 * so a slide keeps its proportions from 1280 × 720 to 3840 × 2160; long task texts end in "…" on one line, and
 * lists show as many rows as a slide holds, then "另有 N 项".
 */
public final class SlideNodes {
    /** Rows of a task list on a unit slide, and on the 挂牌督办 slide. */
    static final int UNIT_ROWS = 4;
    static final int SUPERVISED_ROWS = 7;
    /** Style class of the labels that may end in "…" (task texts); every other label shows all its text. */
    public static final String ELLIPSIZED = "projector-cell";

    private SlideNodes() {
    }

    /** The slide's title (2.2 em: 52.8 px at 1920 × 1080). */
    static String title(Slide slide) {
        return switch (slide.kind()) {
            case OVERVIEW -> Messages.tr("projector.overview");
            case RANKING -> Messages.tr("projector.ranking");
            case UNIT -> slide.unit().stats().unit().name();
            case SUPERVISED -> Messages.tr("projector.supervised");
        };
    }

    static Node overview(ProjectorData d, double scale) {
        Stats s = d.stats();
        int completed = s.tasksByStatus().entrySet().stream().filter(e -> e.getKey().isCompleted())
                .mapToInt(java.util.Map.Entry::getValue).sum();
        int closed = s.tasksByStatus().getOrDefault(TaskStatus.CLOSED, 0);
        int doneShares = s.assignmentsByStatus().entrySet().stream().filter(e -> e.getKey().isCompleted())
                .mapToInt(java.util.Map.Entry::getValue).sum();
        GridPane tasks = tiles(
                tile(s.tasks(), "projector.tile.tasks", null),
                tile(completed, "projector.tile.completed", null),
                tile(closed, "projector.tile.closed", null),
                tile(s.overdueTasks(), "projector.tile.overdue", null),
                tile(s.supervisedTasks(), "projector.tile.supervisedTasks", null));
        GridPane lights = tiles(
                tile(s.assignments(), "projector.tile.shares", null),
                tile(doneShares, "projector.tile.sharesDone", null),
                tile(s.assignments(WarningLight.RED), "light.RED", WarningLight.RED),
                tile(s.assignments(WarningLight.YELLOW), "light.YELLOW", WarningLight.YELLOW),
                tile(s.assignments(WarningLight.GREEN), "light.GREEN", WarningLight.GREEN));
        Label rate = text(Messages.tr("projector.overview.rate", percent(doneShares, s.assignments()),
                doneShares, s.assignments()));
        Label note = text(Messages.tr("projector.overview.note"));
        note.getStyleClass().add("projector-note");
        ChartViewer chart = viewer(new ProgressCharts(style(scale)).status(d.stats(), d.ranking().group()));
        VBox box = new VBox(0, tasks, lights, rate, chart, note);
        box.getStyleClass().add("projector-stack");
        return box;
    }

    /** The ranking chart, without its own titles (the slide has them), in the projector's style and size. */
    static Node ranking(ProjectorData d, double scale) {
        ChartViewer viewer = viewer(new ProgressCharts(style(scale)).ranking(d.ranking()));
        Label since = text(d.ranking().since() == null ? ""
                : Messages.tr("projector.ranking.since", ProgressCharts.formatDate(d.ranking().since())));
        since.getStyleClass().add("projector-note");
        VBox box = new VBox(viewer, since);
        box.getStyleClass().add("projector-stack");
        return box;
    }

    /** The projector's chart style at a screen scale: 48 px titles and 25 px ticks at 1920 × 1080. */
    static ChartStyle style(double scale) {
        return ChartStyle.projector().scaled(1.5 * scale);
    }

    /** A chart without its own titles (the slide has them), filling the room left. */
    private static ChartViewer viewer(JFreeChart chart) {
        chart.setTitle((TextTitle) null);
        for (int i = chart.getSubtitleCount() - 1; i >= 0; i--) {
            if (chart.getSubtitle(i) instanceof TextTitle) {
                chart.removeSubtitle(chart.getSubtitle(i));
            }
        }
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.getStyleClass().add("projector-chart");
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setMinHeight(0);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        return viewer;
    }

    static Node unit(UnitBrief b) {
        UnitStats u = b.stats();
        UnitRank r = b.rank();
        GridPane counts = tiles(
                tile(u.assignments(), "projector.tile.unitTasks", null),
                tile(u.completed(), "projector.tile.completed", null),
                tile(u.count(TaskStatus.BEHIND_SCHEDULE), "status.BEHIND_SCHEDULE", null),
                tile(u.overdue(), "projector.tile.overdue", null),
                tile(b.supervised().size(), "projector.tile.supervisedTasks", null));
        GridPane lights = tiles(
                tile(u.count(WarningLight.RED), "light.RED", WarningLight.RED),
                tile(u.count(WarningLight.YELLOW), "light.YELLOW", WarningLight.YELLOW),
                tile(u.count(WarningLight.GREEN), "light.GREEN", WarningLight.GREEN));
        String rank = r == null ? "" : Messages.tr("projector.unit.rank", r.rank(), percent(r.completed(),
                r.assignments()), r.previousRank() == null ? "" : r.changeMark());
        Label rankLine = text(rank);
        HBox top = new HBox(counts);
        HBox.setHgrow(counts, Priority.ALWAYS);
        VBox lists = new VBox(list("projector.unit.overdue", b.overdue(), u.unit(), UNIT_ROWS),
                list("projector.unit.supervised", b.supervised(), u.unit(), UNIT_ROWS));
        lists.getStyleClass().add("projector-stack");
        HBox bottom = new HBox(lights, lists);
        lights.getStyleClass().add("projector-lights-column");
        HBox.setHgrow(lists, Priority.ALWAYS);
        bottom.getStyleClass().add("projector-row");
        VBox box = new VBox(top, rankLine, bottom);
        box.getStyleClass().add("projector-stack");
        return box;
    }

    static Node supervised(ProjectorData d) {
        GridPane g = new GridPane();
        g.getStyleClass().add("projector-table");
        ColumnConstraints seq = new ColumnConstraints();
        seq.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints problem = new ColumnConstraints();
        problem.setHgrow(Priority.ALWAYS);
        problem.setMinWidth(0);
        ColumnConstraints units = new ColumnConstraints();
        units.setPercentWidth(22);
        ColumnConstraints leader = new ColumnConstraints();
        leader.setPercentWidth(15);
        ColumnConstraints light = new ColumnConstraints();
        light.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        light.setHalignment(HPos.CENTER);
        g.getColumnConstraints().addAll(seq, problem, units, leader, light);
        g.addRow(0, head("projector.table.seq"), head("projector.table.problem"), head("projector.table.units"),
                head("projector.table.leader"), head("projector.table.light"));
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        d.stats().units().forEach(u -> names.put(u.unit().id(), u.unit().shortName()));
        List<TaskTracking> list = d.supervised();
        int shown = Math.min(list.size(), SUPERVISED_ROWS);
        for (int i = 0; i < shown; i++) {
            TaskTracking t = list.get(i);
            Label lead = cell(t.supervision().leader());
            String unitNames = String.join("、", t.task().unitIds().stream()
                    .map(id -> names.getOrDefault(id, "")).toList());
            g.addRow(i + 1, cell(String.valueOf(t.task().seq())), cell(t.task().problem()), cell(unitNames), lead,
                    lightWord(t.light()));
        }
        VBox box = new VBox(g);
        if (list.size() > shown) {
            box.getChildren().add(text(Messages.tr("projector.more", list.size() - shown)));
        }
        box.getStyleClass().add("projector-stack");
        return box;
    }

    private static VBox list(String headKey, List<TaskTracking> tasks, Unit unit, int rows) {
        Label head = text(Messages.tr(headKey, tasks.size()));
        head.getStyleClass().add("projector-subhead");
        VBox box = new VBox(head);
        if (tasks.isEmpty()) {
            box.getChildren().add(text(Messages.tr("projector.none")));
        }
        int shown = Math.min(tasks.size(), rows);
        for (int i = 0; i < shown; i++) {
            TaskTracking t = tasks.get(i);
            WarningLight l = t.stateOfUnit(unit.id()).map(s -> s.light()).orElse(t.light());
            Label line = cell(Messages.tr("projector.taskLine", t.task().seq(), t.task().problem()));
            HBox row = new HBox(lightWord(l), line);
            row.getStyleClass().add("projector-line");
            HBox.setHgrow(line, Priority.ALWAYS);
            box.getChildren().add(row);
        }
        if (tasks.size() > shown) {
            box.getChildren().add(text(Messages.tr("projector.more", tasks.size() - shown)));
        }
        return box;
    }

    private static GridPane tiles(VBox... tiles) {
        GridPane g = new GridPane();
        g.getStyleClass().add("projector-tiles");
        for (int i = 0; i < tiles.length; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / tiles.length);
            g.getColumnConstraints().add(c);
            g.add(tiles[i], i, 0);
            tiles[i].setMaxWidth(Double.MAX_VALUE);
        }
        return g;
    }

    private static VBox tile(int n, String captionKey, WarningLight light) {
        Label number = new Label(String.valueOf(n));
        number.getStyleClass().add("projector-number");
        Label caption = new Label(Messages.tr(captionKey));
        caption.getStyleClass().add("projector-caption");
        caption.setWrapText(true);
        VBox box = new VBox(number, caption);
        box.getStyleClass().add("projector-tile");
        if (light != null) {
            box.getStyleClass().add("projector-light-" + light.name().toLowerCase(java.util.Locale.ROOT));
        }
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A light as coloured word (colour and text, for viewers who cannot tell red from green). */
    private static Label lightWord(WarningLight l) {
        Label w = new Label("● " + Messages.tr("light." + l.name()));
        w.getStyleClass().addAll("projector-light-word", "projector-light-" + l.name().toLowerCase(java.util.Locale.ROOT));
        w.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return w;
    }

    private static Label head(String key) {
        Label l = new Label(Messages.tr(key));
        l.getStyleClass().add("projector-subhead");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** A task's text: one line, ending in "…" where the slide is too narrow (the only text that may be cut). */
    private static Label cell(String s) {
        Label l = new Label(s == null ? "" : s.replace('\n', ' '));
        l.getStyleClass().add(ELLIPSIZED);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "0.0" : String.format("%.1f", 100.0 * part / whole);
    }
}
