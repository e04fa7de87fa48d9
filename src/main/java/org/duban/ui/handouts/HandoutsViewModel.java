package org.duban.ui.handouts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.handout.HandoutLayout;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutService.MeetingData;
import org.duban.service.handout.HandoutService.UnitHandout;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.handout.LayoutPage;
import org.duban.service.handout.MarginPreset;
import org.duban.service.handout.PageOrientation;
import org.duban.service.meetings.MeetingService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FxThread;
import org.duban.ui.common.TaskRunner;

/**
 * State of the handout screen (讲义打印): meeting and unit, the layout settings, the laid-out pages of the
 * chosen unit, the page shown, the zoom, and batch progress. Reading, layout and PDF writing run through the
 * {@link TaskRunner}; settings changes are saved to the ledger at once.
 */
public final class HandoutsViewModel {
    /** Zoom 1.0 shows a page at its printed size on a 96 dpi screen. */
    public static final double MIN_ZOOM = 0.25;
    public static final double MAX_ZOOM = 3.0;

    private final HandoutService service;
    private final MeetingService meetingService;
    private final TaskRunner runner;
    private final DialogService dialogs;

    private final ObservableList<Meeting> meetings = FXCollections.observableArrayList();
    private final ObjectProperty<Meeting> meeting = new SimpleObjectProperty<>();
    private final ObservableList<UnitHandout> units = FXCollections.observableArrayList();
    private final ObjectProperty<UnitHandout> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<HandoutSettings> settings = new SimpleObjectProperty<>(HandoutSettings.defaults());
    private final ObjectProperty<HandoutLayout> layout = new SimpleObjectProperty<>();
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final IntegerProperty copies = new SimpleIntegerProperty(1);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private MeetingData data;
    private boolean loading;

    public HandoutsViewModel(HandoutService service, MeetingService meetingService, TaskRunner runner,
                             DialogService dialogs) {
        this.service = service;
        this.meetingService = meetingService;
        this.runner = runner;
        this.dialogs = dialogs;
        meeting.addListener((o, a, m) -> {
            if (!loading && m != null && !m.equals(a)) {
                loadMeeting(m);
            }
        });
        unit.addListener((o, a, u) -> {
            if (!loading) {
                copies.set(u == null ? 1 : u.copies());
                relayout(true);
            }
        });
        copies.addListener((o, a, n) -> saveCopies(n.intValue()));
        layout.addListener((o, a, l) -> {
            pageCount.set(l == null ? 0 : l.pageCount());
            pageIndex.set(Math.max(0, Math.min(pageIndex.get(), pageCount.get() - 1)));
        });
    }

    /** What the screen opens with: the meetings, the current one (or null) and the handout settings. */
    private record Opening(List<Meeting> meetings, Meeting current, HandoutSettings settings) {
    }

    /** A meeting's tasks as read for handouts, and the units they make handouts for. */
    private record MeetingRead(MeetingData data, List<UnitHandout> units) {
    }

    /** Reads the meetings and the settings, then opens the current meeting. */
    public void load() {
        HandoutFonts.preload(FontPreference.OFFICE);
        runner.run(() -> new Opening(meetingService.all(), meetingService.current().orElse(null),
            service.settings().load()), r -> {
                loading = true;
                meetings.setAll(r.meetings());
                settings.set(r.settings());
                loading = false;
                Meeting current = r.current();
                meeting.set(current);
                if (current == null) {
                    status.set(Messages.tr("handouts.noMeeting"));
                }
            }, this::fail);
    }

    private void loadMeeting(Meeting m) {
        runner.run(() -> {
            MeetingData d = service.read(m);
            return new MeetingRead(d, service.units(d));
        }, r -> {
            data = r.data();
            List<UnitHandout> list = r.units();
            loading = true;
            units.setAll(list);
            loading = false;
            status.set(list.isEmpty() ? Messages.tr("handouts.noTasks") : "");
            if (list.isEmpty()) {
                unit.set(null);
                layout.set(null);
            } else {
                UnitHandout keep = unit.get() == null ? null : list.stream()
                        .filter(u -> u.unit().id() == unit.get().unit().id()).findFirst().orElse(null);
                UnitHandout next = keep != null ? keep : list.get(0);
                if (Objects.equals(next, unit.get())) {
                    relayout(true);
                } else {
                    unit.set(next);
                }
            }
        }, this::fail);
    }

    private void relayout(boolean toFirstPage) {
        UnitHandout u = unit.get();
        MeetingData d = data;
        HandoutSettings s = settings.get();
        if (u == null || d == null) {
            layout.set(null);
            return;
        }
        runner.run(() -> HandoutService.layout(d, u.unit(), s), l -> {
            if (toFirstPage) {
                pageIndex.set(0);
            }
            layout.set(l);
        }, this::fail);
    }

    /** Applies and saves a settings change, then lays the pages out again. */
    public void change(HandoutSettings s) {
        if (s.equals(settings.get())) {
            return;
        }
        settings.set(s);
        runner.run(() -> {
            service.settings().save(s);
            return null;
        }, ok -> { }, this::fail);
        relayout(false);
    }

    public void setOrientation(PageOrientation o) {
        change(settings.get().withOrientation(o));
    }

    public void setMargins(MarginPreset m) {
        change(settings.get().withMargins(m));
    }

    public void setSignOff(boolean on) {
        change(settings.get().withSignOff(on));
    }

    public void setNotice(String notice) {
        change(settings.get().withNotice(notice));
    }

    private void saveCopies(int n) {
        UnitHandout u = unit.get();
        if (loading || u == null || u.copies() == n) {
            return;
        }
        UnitHandout updated = new UnitHandout(u.unit(), u.tasks(), n);
        int i = units.indexOf(u);
        loading = true;
        if (i >= 0) {
            units.set(i, updated);
        }
        unit.set(updated);
        loading = false;
        runner.run(() -> {
            service.settings().setCopies(u.unit().id(), n);
            return null;
        }, ok -> { }, this::fail);
    }

    public void nextPage() {
        pageIndex.set(Math.min(pageIndex.get() + 1, Math.max(0, pageCount.get() - 1)));
    }

    public void previousPage() {
        pageIndex.set(Math.max(pageIndex.get() - 1, 0));
    }

    public void firstPage() {
        pageIndex.set(0);
    }

    public void lastPage() {
        pageIndex.set(Math.max(0, pageCount.get() - 1));
    }

    public void zoomIn() {
        zoom.set(Math.min(MAX_ZOOM, Math.round(zoom.get() * 1.25 * 100) / 100.0));
    }

    public void zoomOut() {
        zoom.set(Math.max(MIN_ZOOM, Math.round(zoom.get() / 1.25 * 100) / 100.0));
    }

    /** The page shown, or null. */
    public LayoutPage currentPage() {
        HandoutLayout l = layout.get();
        return l == null || l.pages().isEmpty() ? null : l.pages().get(Math.min(pageIndex.get(), l.pageCount() - 1));
    }

    /** Asks where to save the chosen unit's handout (a PDF named for the unit), then writes it there. */
    public void exportUnitToChosenFile() {
        HandoutLayout l = layout.get();
        if (l == null) {
            return;
        }
        dialogs.chooseSaveFile(Messages.tr("handouts.exportPdf"), HandoutService.fileName(l.unitName()), "PDF",
                "*.pdf").ifPresent(this::exportUnit);
    }

    /** Asks for a folder, then writes every unit's handout and the combined file into it. */
    public void exportAllToChosenFolder() {
        dialogs.chooseFolder(Messages.tr("handouts.exportAll.choose")).ifPresent(this::exportAll);
    }

    /** Saves the shown unit's handout as a PDF. */
    public void exportUnit(Path file) {
        HandoutLayout l = layout.get();
        if (l == null) {
            return;
        }
        working.set(true);
        runner.run(() -> {
            HandoutService.writeUnit(l, file);
            return file;
        }, f -> {
            working.set(false);
            status.set(Messages.tr("handouts.saved", f));
        }, this::fail);
    }

    /** Writes every unit's PDF and the combined PDF into a folder, with progress. */
    public void exportAll(Path dir) {
        batch((d, s) -> service.exportAll(d, s, dir, this::report), r -> status.set(
                Messages.tr("handouts.batchSaved", r.units(), r.pages(), dir, r.combined().getFileName())));
    }

    /** Lays every unit out (with progress) and hands the batch's pages, copies included, to {@code then}. */
    public void batchPages(Consumer<List<LayoutPage>> then) {
        batch((d, s) -> {
            List<UnitHandout> list = service.units(d);
            List<HandoutLayout> layouts = service.layoutAll(d, s, this::report);
            return HandoutService.combine(layouts, name -> list.stream().filter(u -> u.unit().name().equals(name))
                    .mapToInt(UnitHandout::copies).findFirst().orElse(1));
        }, then);
    }

    /** Runs work on every unit of the meeting in the background, showing progress; nothing before a meeting is read. */
    private <T> void batch(BiFunction<MeetingData, HandoutSettings, T> work, Consumer<T> done) {
        MeetingData d = data;
        HandoutSettings s = settings.get();
        if (d == null) {
            return;
        }
        working.set(true);
        progress.set(0);
        runner.run(() -> work.apply(d, s), r -> {
            working.set(false);
            progress.set(1);
            done.accept(r);
        }, this::fail);
    }

    private void report(int done, int total, String unitName) {
        FxThread.run(() -> {
            progress.set(total == 0 ? 1 : (double) done / total);
            status.set(unitName.isEmpty() ? "" : Messages.tr("handouts.progress", done + 1, total, unitName));
        });
    }

    /** Reports an error from a view action (printing). */
    public void fail(Throwable e) {
        working.set(false);
        status.set("");
        dialogs.showError(Messages.tr("handouts.error.title"), DialogService.messageOf(e), e);
    }

    public void setStatus(String text) {
        status.set(text);
    }

    public StringBinding pageText() {
        return Bindings.createStringBinding(() -> pageCount.get() == 0 ? Messages.tr("handouts.noPages")
                : Messages.tr("handouts.pageOf", pageIndex.get() + 1, pageCount.get()), pageIndex, pageCount);
    }

    public StringBinding zoomText() {
        return Bindings.createStringBinding(() -> Math.round(zoom.get() * 100) + "%", zoom);
    }

    public ObservableList<Meeting> meetings() {
        return meetings;
    }

    public ObjectProperty<Meeting> meetingProperty() {
        return meeting;
    }

    public ObservableList<UnitHandout> units() {
        return units;
    }

    public ObjectProperty<UnitHandout> unitProperty() {
        return unit;
    }

    public ObjectProperty<HandoutSettings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<HandoutLayout> layoutProperty() {
        return layout;
    }

    public IntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public IntegerProperty copiesProperty() {
        return copies;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
