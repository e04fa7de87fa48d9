package org.duban.ui.charts;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.chart.ChartKind;
import org.duban.service.chart.ChartRenderer;
import org.duban.service.chart.ChartRequest;
import org.duban.service.chart.ChartService;
import org.duban.service.chart.ChartStyle;
import org.duban.service.meetings.MeetingService;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.TrendPeriod;
import org.duban.service.stats.UnitGroup;
import org.duban.ui.charts.projector.ProjectorData;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.Navigator;
import org.duban.ui.common.TaskRunner;
import org.jfree.chart.JFreeChart;

/**
 * State of the dashboard (进度图表): the filters (meeting, source, as-of day, the ranking's earlier day, which units,
 * the trend's unit and step), the chart kind shown, and the chart built for them. Charts are built and exported
 * through the {@link TaskRunner}; a click on a unit goes to the checklist through the {@link Navigator}.
 */
public final class ChartsViewModel {
    private final ChartService charts;
    private final MeetingService meetingService;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final ObservableList<Meeting> meetings = FXCollections.observableArrayList();
    private final ObjectProperty<Meeting> meeting = new SimpleObjectProperty<>();
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final StringProperty source = new SimpleStringProperty();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final ObjectProperty<UnitGroup> group = new SimpleObjectProperty<>(UnitGroup.COUNTIES);
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObjectProperty<Unit> trendUnit = new SimpleObjectProperty<>();
    private final ObjectProperty<TrendPeriod> period = new SimpleObjectProperty<>(TrendPeriod.MONTH);
    private final ObjectProperty<ChartKind> kind = new SimpleObjectProperty<>(ChartKind.STATUS);
    private final ObjectProperty<JFreeChart> chart = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final IntegerProperty exportWidth = new SimpleIntegerProperty(ChartRenderer.DEFAULT_WIDTH);
    private final IntegerProperty exportHeight = new SimpleIntegerProperty(ChartRenderer.DEFAULT_HEIGHT);
    private boolean suspended = true;
    private long generation;

    public ChartsViewModel(ChartService charts, MeetingService meetings, TaskRunner runner, DialogService dialogs,
                           Navigator navigator) {
        this.charts = charts;
        this.meetingService = meetings;
        this.runner = runner;
        this.dialogs = dialogs;
        this.navigator = navigator;
        Observable[] inputs = {meeting, source, asOf, since, group, trendUnit, period, kind};
        for (Observable o : inputs) {
            o.addListener(x -> refresh());
        }
        meeting.addListener((obs, o, n) -> {
            if (n != null && (o == null || o.id() != n.id())) {
                loadSources(n);
            }
        });
    }

    /** Reads the meetings, the roster and today, then builds the first chart (all in the background). */
    public void load() {
        loading.set(true);
        runner.run(() -> new Start(meetingService.all(), meetingService.current().orElse(null),
                        charts.stats().today(), charts.stats().stats(StatsScope.all(), charts.stats().today()).units()
                                .stream().map(u -> u.unit()).toList()),
                start -> {
                    suspended = true;
                    meetings.setAll(start.meetings());
                    units.setAll(start.units());
                    asOf.set(start.today());
                    since.set(ChartService.defaultSince(start.today()));
                    meeting.set(start.current());
                    suspended = false;
                    if (start.current() != null) {
                        loadSources(start.current());
                    }
                    refresh();
                }, this::failed);
    }

    private record Start(List<Meeting> meetings, Meeting current, LocalDate today, List<Unit> units) {
    }

    private void loadSources(Meeting m) {
        LocalDate day = asOf.get() == null ? charts.stats().today() : asOf.get();
        runner.run(() -> List.copyOf(charts.stats().breakdown(StatsScope.meeting(m.id()), day).bySource().keySet()),
                list -> {
                    if (meeting.get() != null && meeting.get().id() == m.id()) {
                        boolean keep = source.get() != null && list.contains(source.get());
                        sources.setAll(list);
                        if (!keep) {
                            source.set(null);
                        }
                    }
                }, this::failed);
    }

    /** What the filters ask for now, or null before the first load. */
    public ChartRequest request() {
        Meeting m = meeting.get();
        if (m == null || asOf.get() == null) {
            return null;
        }
        Unit u = trendUnit.get();
        return new ChartRequest(kind.get(), new StatsScope(m.id(), source.get()), asOf.get(), since.get(),
                group.get(), u == null ? null : u.id(), period.get());
    }

    /** Builds the chart for the current filters (in the background; a result that is no longer wanted is dropped). */
    public void refresh() {
        if (suspended) {
            return;
        }
        ChartRequest r = request();
        if (r == null) {
            chart.set(null);
            return;
        }
        long mine = ++generation;
        loading.set(true);
        runner.run(() -> charts.build(r, ChartStyle.screen()), built -> {
            if (mine == generation) {
                chart.set(built);
                loading.set(false);
            }
        }, this::failed);
    }

    /** Writes the chart shown to {@code file} (PNG, SVG or PDF by extension) at the size asked for. */
    public void export(Path file, int width, int height, Runnable done) {
        ChartRequest r = request();
        if (r == null) {
            return;
        }
        runner.run(() -> {
            ChartRenderer.write(charts.build(r, ChartStyle.screen()), file, width, height);
            return file;
        }, written -> {
            dialogs.showInfo(Messages.tr("charts.export.doneTitle"), Messages.tr("charts.export.done", written,
                    width, height));
            done.run();
        }, this::failed);
    }

    /** The chart shown as an image of the export size (for the clipboard); {@code then} runs on the FX thread. */
    public void image(Consumer<BufferedImage> then) {
        ChartRequest r = request();
        if (r == null) {
            return;
        }
        int w = exportWidth.get();
        int h = exportHeight.get();
        runner.run(() -> ChartRenderer.image(charts.build(r, ChartStyle.screen()), w, h), then, this::failed);
    }

    /** The work that reads the projector's figures for the current filters, or null before the first load. */
    public java.util.concurrent.Callable<ProjectorData> projectorWork() {
        ChartRequest r = request();
        if (r == null) {
            return null;
        }
        Meeting m = meeting.get();
        return () -> ProjectorData.read(charts, m, r.scope(), r.group(), r.asOf(), r.since());
    }

    /** A unit's bar (or a light's segment of it) was clicked: the checklist of that unit. */
    public void openUnit(Unit unit, WarningLight light) {
        navigator.showChecklist(meeting.get(), unit, light);
    }

    /** The file name offered when exporting: "进度图表-排名-2026-11-29.png". */
    public String suggestedFileName(String extension) {
        ChartKind k = kind.get();
        return Messages.tr("charts.export.fileName", Messages.tr("charts.kind." + k.name()),
                String.valueOf(asOf.get()), extension);
    }

    void failed(Throwable e) {
        loading.set(false);
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    public ChartService charts() {
        return charts;
    }

    public TaskRunner runner() {
        return runner;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public ObservableList<Meeting> meetings() {
        return meetings;
    }

    public ObjectProperty<Meeting> meetingProperty() {
        return meeting;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    public ObjectProperty<UnitGroup> groupProperty() {
        return group;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObjectProperty<Unit> trendUnitProperty() {
        return trendUnit;
    }

    public ObjectProperty<TrendPeriod> periodProperty() {
        return period;
    }

    public ObjectProperty<ChartKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<JFreeChart> chartProperty() {
        return chart;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public IntegerProperty exportWidthProperty() {
        return exportWidth;
    }

    public IntegerProperty exportHeightProperty() {
        return exportHeight;
    }
}
