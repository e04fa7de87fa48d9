package org.duban.ui.charts;

import java.nio.file.Path;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.chart.ChartKey;
import org.duban.service.chart.ChartKind;
import org.duban.service.chart.ChartRenderer;
import org.duban.service.stats.TrendPeriod;
import org.duban.service.stats.UnitGroup;
import org.duban.ui.charts.projector.ProjectorButton;
import org.duban.ui.common.Choice;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.MeetingChoice;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The dashboard (进度图表): filters on top, one toggle per chart, the chart in the middle (JFreeChart's viewer).
 * A click on a unit's bar or name opens the checklist of that unit (on the lights chart, with that light). The
 * chart can be exported (PNG at a chosen size, SVG, PDF), copied, and shown full screen on a projector.
 */
public final class ChartsView {
    private final ChartsViewModel vm;
    private final BorderPane root = new BorderPane();
    /** Shown only with a chart; it starts on an empty plot, since the viewer takes no null chart. */
    private final ChartViewer viewer = new ChartViewer(new JFreeChart(new org.jfree.chart.plot.CategoryPlot()), false);
    private final ComboBox<Choice<int[]>> size = new ComboBox<>();
    private final Label copyNotice = new Label();

    public ChartsView(ChartsViewModel vm, ProjectorButton projector) {
        this.vm = vm;
        root.setId("chartsView");
        root.setPadding(new Insets(16, 16, 8, 16));
        root.setTop(new VBox(8, header(), kinds(projector), options()));
        root.setCenter(chartArea());
        BorderPane.setMargin(root.getCenter(), new Insets(8, 0, 0, 0));
    }

    public Region root() {
        return root;
    }

    /** The chart viewer (for tests: where the bars are). */
    public ChartViewer viewer() {
        return viewer;
    }

    private HBox header() {
        Label title = new Label(Messages.tr("charts.title"));
        title.getStyleClass().add("screen-title");
        ComboBox<Meeting> meeting = MeetingChoice.create(vm.meetings(), vm.meetingProperty(), 320);

        ComboBox<Choice<String>> source = new ComboBox<>();
        source.setId("sourceChoice");
        source.setAccessibleText(Messages.tr("charts.source"));
        Runnable fill = () -> {
            String chosen = vm.sourceProperty().get();
            source.getItems().setAll(new Choice<>(null, Messages.tr("charts.source.all")));
            vm.sources().forEach(s -> source.getItems().add(new Choice<>(s, s)));
            source.getItems().stream().filter(c -> java.util.Objects.equals(c.value(), chosen)).findFirst()
                    .ifPresent(source::setValue);
        };
        vm.sources().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        source.valueProperty().addListener((o, a, n) -> vm.sourceProperty().set(n == null ? null : n.value()));
        source.setMaxWidth(220);

        DatePicker asOf = DateFields.picker("asOfPicker", Messages.tr("charts.asOf"));
        asOf.valueProperty().bindBidirectional(vm.asOfProperty());

        ComboBox<Choice<UnitGroup>> group = new ComboBox<>();
        group.setId("groupChoice");
        group.setAccessibleText(Messages.tr("charts.group"));
        for (UnitGroup g : UnitGroup.values()) {
            group.getItems().add(new Choice<>(g, Messages.tr("charts.group." + g.name())));
        }
        group.setValue(group.getItems().get(0));
        group.valueProperty().addListener((o, a, n) -> vm.groupProperty().set(n == null ? UnitGroup.COUNTIES : n.value()));

        HBox row = new HBox(8, title, meeting, label("charts.source"), source, label("charts.asOf"), asOf,
                label("charts.group"), group);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("toolbar-row");
        return row;
    }

    private static Label label(String key) {
        Label l = new Label(Messages.tr(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** One toggle per chart; export and projector on the right. */
    private HBox kinds(ProjectorButton projector) {
        ToggleGroup toggles = new ToggleGroup();
        HBox row = new HBox(4);
        row.setAlignment(Pos.CENTER_LEFT);
        for (ChartKind k : ChartKind.values()) {
            ToggleButton b = new ToggleButton(Messages.tr("charts.kind." + k.name()));
            b.setId("kind" + k.cliName().substring(0, 1).toUpperCase() + k.cliName().substring(1));
            b.setAccessibleText(Messages.tr("charts.kind." + k.name()));
            b.setToggleGroup(toggles);
            b.setUserData(k);
            b.setSelected(k == vm.kindProperty().get());
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                vm.kindProperty().set(k);
            });
            row.getChildren().add(b);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox export = exportMenu();
        HBox.setMargin(export, new Insets(0, 8, 0, 0));
        row.getChildren().addAll(spacer, export, projector.node());
        return row;
    }

    /** What only some charts use: the ranking's earlier day, the trend's unit and step. */
    private FlowPane options() {
        DatePicker since = DateFields.picker("sincePicker", Messages.tr("charts.since"));
        since.valueProperty().bindBidirectional(vm.sinceProperty());
        HBox ranking = new HBox(6, label("charts.since"), since);
        ranking.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Choice<Unit>> unit = new ComboBox<>();
        unit.setId("trendUnitChoice");
        unit.setAccessibleText(Messages.tr("charts.trendUnit"));
        Runnable fill = () -> {
            unit.getItems().setAll(new Choice<>(null, Messages.tr("chart.trend.city")));
            vm.units().forEach(u -> unit.getItems().add(new Choice<>(u, u.name())));
            unit.setValue(unit.getItems().get(0));
        };
        vm.units().addListener((javafx.collections.ListChangeListener<Unit>) c -> fill.run());
        fill.run();
        unit.valueProperty().addListener((o, a, n) -> vm.trendUnitProperty().set(n == null ? null : n.value()));
        ComboBox<Choice<TrendPeriod>> period = new ComboBox<>();
        period.setId("periodChoice");
        period.setAccessibleText(Messages.tr("charts.period"));
        for (TrendPeriod p : TrendPeriod.values()) {
            period.getItems().add(new Choice<>(p, Messages.tr("charts.period." + p.name())));
        }
        period.setValue(period.getItems().get(TrendPeriod.MONTH.ordinal()));
        period.valueProperty().addListener((o, a, n) -> vm.periodProperty().set(n == null ? TrendPeriod.MONTH : n.value()));
        HBox trend = new HBox(6, label("charts.trendUnit"), unit, label("charts.period"), period);
        trend.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(Messages.tr("charts.clickHint"));
        hint.getStyleClass().add("count-label");
        FlowPane row = new FlowPane(16, 6);
        Runnable show = () -> {
            ChartKind k = vm.kindProperty().get();
            row.getChildren().clear();
            if (k == ChartKind.RANKING) {
                row.getChildren().add(ranking);
            }
            if (k == ChartKind.TREND) {
                row.getChildren().add(trend);
            }
            if (k == ChartKind.STATUS || k == ChartKind.LIGHTS || k == ChartKind.RANKING) {
                row.getChildren().add(hint);
            }
            row.getChildren().add(copyNotice);
        };
        vm.kindProperty().addListener((o, a, n) -> show.run());
        show.run();
        row.setMinHeight(32);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The export size and the export menu. */
    private HBox exportMenu() {
        MenuButton menu = new MenuButton(Messages.tr("charts.export"), new FontIcon("mdi2e-export-variant"));
        menu.setId("exportMenu");
        menu.setAccessibleText(Messages.tr("charts.export"));
        MenuItem png = item("exportPng", "charts.export.png", () -> export("png", 1));
        MenuItem png2 = item("exportPng2x", "charts.export.png2x", () -> export("png", 2));
        MenuItem svg = item("exportSvg", "charts.export.svg", () -> export("svg", 1));
        MenuItem pdf = item("exportPdf", "charts.export.pdf", () -> export("pdf", 1));
        MenuItem copy = item("copyChart", "charts.export.copy", this::copy);
        menu.getItems().addAll(png, png2, svg, pdf, new SeparatorMenuItem(), copy);

        size.setId("exportSize");
        size.setAccessibleText(Messages.tr("charts.export.size"));
        int[][] sizes = {{1280, 720}, {1920, 1080}, {2560, 1440}, {3840, 2160}, {1600, 1200}};
        for (int[] s : sizes) {
            size.getItems().add(new Choice<>(s, Messages.tr("charts.export.sizeItem", s[0], s[1])));
        }
        size.setValue(size.getItems().get(1));
        size.valueProperty().addListener((o, a, n) -> {
            if (n != null) {
                vm.exportWidthProperty().set(n.value()[0]);
                vm.exportHeightProperty().set(n.value()[1]);
            }
        });
        menu.disableProperty().bind(vm.chartProperty().isNull());
        copyNotice.setId("copyNotice");
        copyNotice.getStyleClass().add("count-label");
        vm.chartProperty().addListener((o, a, n) -> copyNotice.setText("")); // the notice is of the chart copied
        HBox box = new HBox(6, label("charts.export.size"), size, menu);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static MenuItem item(String id, String key, Runnable action) {
        MenuItem i = new MenuItem(Messages.tr(key));
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    private void export(String extension, int factor) {
        int w = vm.exportWidthProperty().get() * factor;
        int h = vm.exportHeightProperty().get() * factor;
        w = Math.min(w, ChartRenderer.MAX_SIDE);
        h = Math.min(h, ChartRenderer.MAX_SIDE);
        Optional<Path> file = vm.dialogs().chooseSaveFile(Messages.tr("charts.export.chooser"),
                vm.suggestedFileName(extension));
        int width = w;
        int height = h;
        file.ifPresent(f -> vm.export(withExtension(f, extension), width, height, () -> { }));
    }

    static Path withExtension(Path f, String extension) {
        String name = f.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension) ? f
                : f.resolveSibling(name + "." + extension);
    }

    private void copy() {
        vm.image(img -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(SwingFXUtils.toFXImage(img, null));
            boolean copied = Clipboard.getSystemClipboard().setContent(content);
            copyNotice.setText(copied ? Messages.tr("charts.export.copied", img.getWidth(), img.getHeight())
                    : Messages.tr("charts.export.copyFailed"));
        });
    }

    private StackPane chartArea() {
        viewer.setId("chartViewer");
        viewer.setAccessibleText(Messages.tr("charts.title"));
        viewer.getCanvas().addOverlay(new PaintCacheReset());
        viewer.getCanvas().setTooltipEnabled(true);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        vm.chartProperty().addListener((o, a, n) -> {
            if (n != null) {
                viewer.setChart(n);
            }
        });
        viewer.visibleProperty().bind(vm.chartProperty().isNotNull());
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                clicked(event.getEntity());
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                ChartEntity e = event.getEntity();
                boolean unit = unitOf(e) != null;
                viewer.setCursor(unit ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT);
            }
        });
        Label empty = new Label(Messages.tr("charts.empty"));
        empty.visibleProperty().bind(vm.chartProperty().isNull().and(vm.loadingProperty().not()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(48, 48);
        busy.visibleProperty().bind(vm.loadingProperty());
        StackPane area = new StackPane(viewer, empty, busy);
        area.getStyleClass().add("chart-area");
        VBox.setVgrow(area, Priority.ALWAYS);
        return area;
    }

    /** A click on a unit's bar (or its name on the axis) opens that unit's checklist. */
    void clicked(ChartEntity entity) {
        Unit unit = unitOf(entity);
        if (unit == null) {
            return;
        }
        WarningLight light = null;
        if (entity instanceof CategoryItemEntity item && item.getRowKey() instanceof ChartKey k
                && k.value() instanceof WarningLight l) {
            light = l;
        }
        vm.openUnit(unit, light);
    }

    static Unit unitOf(ChartEntity entity) {
        Object key = null;
        if (entity instanceof CategoryItemEntity item) {
            key = item.getColumnKey();
        } else if (entity instanceof CategoryLabelEntity label) {
            key = label.getKey();
        }
        return key instanceof ChartKey k && k.value() instanceof Unit u ? u : null;
    }

    /**
     * Why a chart showed on black with its title unreadable: ChartCanvas draws between {@code save()} and
     * {@code restore()} of its graphics context, so after a draw the context's fill is back to black, while its
     * FXGraphics2D still remembers the last colour it set and skips setting an equal one. When the next chart's
     * first colour (its white background) equals the last one of the previous draw, the background is filled black.
     * This overlay, painted after each draw, sets a colour no chart uses, so the next chart's white is always set.
     */
    static final class PaintCacheReset extends org.jfree.chart.panel.AbstractOverlay
            implements org.jfree.chart.fx.overlay.OverlayFX {
        /** fully transparent: setting it draws nothing */
        static final java.awt.Color NEVER_USED = new java.awt.Color(1, 2, 3, 0);

        @Override
        public void paintOverlay(java.awt.Graphics2D g2, org.jfree.chart.fx.ChartCanvas canvas) {
            g2.setPaint(NEVER_USED);
        }

        @Override
        public void paintOverlay(java.awt.Graphics2D g2, org.jfree.chart.ChartPanel panel) {
            // Swing panels are not used here
        }
    }

    /** The chart shown (for tests). */
    public JFreeChart chart() {
        return viewer.getChart();
    }
}
