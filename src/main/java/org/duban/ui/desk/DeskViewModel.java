package org.duban.ui.desk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.NoticeLevel;
import org.duban.service.ladder.DeskItem;
import org.duban.service.ladder.DeskService;
import org.duban.service.ladder.NoticeService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FxThread;
import org.duban.ui.common.TaskRunner;

/**
 * State of the 督办工作台: the desk's lines on a day (today by default), how far ahead it looks, and the notices
 * a person sends from it (each confirmed, then written into a folder the person picks).
 */
public final class DeskViewModel {
    private final DeskService desk;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ObservableList<DeskItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final IntegerProperty days = new SimpleIntegerProperty(15);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final Map<DeskItem.Kind, Integer> counts = new EnumMap<>(DeskItem.Kind.class);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final javafx.beans.property.DoubleProperty progress = new javafx.beans.property.SimpleDoubleProperty(0);
    private final javafx.beans.property.StringProperty status = new javafx.beans.property.SimpleStringProperty("");

    public DeskViewModel(DeskService desk, TaskRunner runner, DialogService dialogs) {
        this.desk = desk;
        this.runner = runner;
        this.dialogs = dialogs;
        day.set(desk.today());
    }

    /** Reads the desk (and, the first time, the look-ahead from the settings). */
    public void load() {
        load(null);
    }

    /** The desk as read: how many days ahead it looks and what falls due in them. */
    private record Read(int days, List<DeskItem> items) {
    }

    /** The first load's read, done elsewhere (the window's start, beside the toolkit's): its day, look-ahead, lines. */
    public record FirstRead(LocalDate day, int days, List<DeskItem> items) {
    }

    /** What the first {@link #load} reads, on the caller's thread: today's lines over the settings' look-ahead. */
    public static FirstRead readFirst(DeskService desk) {
        LocalDate d = desk.today();
        int n = desk.defaultDays();
        return new FirstRead(d, n, desk.desk(d, n));
    }

    /**
     * The first {@link #load} takes {@code read} (called on the runner; what it throws is shown as a failed read's
     * error) instead of reading, where its day is the desk's; a later load reads as usual.
     */
    public DeskViewModel startingWith(java.util.concurrent.Callable<FirstRead> read) {
        this.firstRead = read;
        return this;
    }

    private java.util.concurrent.Callable<FirstRead> firstRead;

    public void load(Runnable then) {
        loading.set(true);
        LocalDate d = day.get();
        boolean first = items.isEmpty() && counts.isEmpty();
        java.util.concurrent.Callable<FirstRead> done = first ? firstRead : null;
        firstRead = null;
        runner.run(() -> {
            if (done != null) {
                FirstRead r = done.call();
                if (r.day().equals(d)) {
                    return new Read(r.days(), r.items());
                }
            }
            int n = first ? desk.defaultDays() : days.get();
            return new Read(n, desk.desk(d, n));
        }, r -> {
            days.set(r.days());
            List<DeskItem> list = r.items();
            counts.clear();
            for (DeskItem.Kind k : DeskItem.Kind.values()) {
                counts.put(k, (int) list.stream().filter(i -> i.kind() == k).count());
            }
            items.setAll(list);
            loading.set(false);
            if (then != null) {
                then.run();
            }
        }, e -> {
            loading.set(false);
            dialogs.showError(Messages.tr("desk.title"), DialogService.messageOf(e), e);
        });
    }

    /** How many lines of a section the desk shows. */
    public int count(DeskItem.Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /**
     * Sends a notice of {@code level} to the unit of {@code item}, after the person confirms and picks a folder:
     * the unit's overdue and far-behind shares, numbered, as PDF and .docx.
     */
    public void sendNotice(DeskItem item, NoticeLevel level) {
        if (item == null || item.unitId() == null) {
            return;
        }
        String kind = Messages.tr("notice.doc.kind." + level.name());
        if (!dialogs.confirm(Messages.tr("desk.send.title", kind), Messages.tr("desk.send.confirm", item.unit(), kind,
                day.get().toString()), Messages.tr("desk.send.ok", kind))) {
            return;
        }
        dialogs.chooseFolder(Messages.tr("desk.send.folder", kind)).ifPresent(dir -> send(item.unit(), level, dir));
    }

    private void send(String unit, NoticeLevel level, Path dir) {
        LocalDate d = day.get();
        NoticeService notices = desk.notices();
        runner.run(() -> notices.chase(d, level, unit, false, dir), r -> {
            dialogs.showInfo(Messages.tr("desk.send.title", Messages.tr("notice.doc.kind." + level.name())),
                    Messages.tr("desk.send.done", r.notices().get(0).number(), unit, dir.toString()));
            load();
        }, e -> dialogs.showError(Messages.tr("desk.title"), DialogService.messageOf(e), e));
    }

    /**
     * 批量发文: a notice of {@code level} to every unit that qualifies on the desk's day, after the person sees which
     * units and confirms, into a folder they pick: one PDF and one .docx each plus a combined PDF for duplex
     * printing, written in the background with progress.
     */
    public void batch(NoticeLevel level) {
        LocalDate d = day.get();
        NoticeService notices = desk.notices();
        String kind = Messages.tr("notice.doc.kind." + level.name());
        runner.run(() -> notices.candidates(d, level), list -> {
            if (list.isEmpty()) {
                dialogs.showInfo(Messages.tr("desk.batch.title", kind), Messages.tr("desk.batch.none", kind, d.toString()));
                return;
            }
            String names = list.stream().map(c -> c.unit().name()).collect(java.util.stream.Collectors.joining("、"));
            if (!dialogs.confirm(Messages.tr("desk.batch.title", kind), Messages.tr("desk.batch.confirm", list.size(),
                    kind, d.toString(), names), Messages.tr("desk.batch.ok", list.size(), kind))) {
                return;
            }
            dialogs.chooseFolder(Messages.tr("desk.send.folder", kind)).ifPresent(dir -> runBatch(d, level, kind, dir));
        }, e -> dialogs.showError(Messages.tr("desk.title"), DialogService.messageOf(e), e));
    }

    private void runBatch(LocalDate d, NoticeLevel level, String kind, Path dir) {
        NoticeService notices = desk.notices();
        working.set(true);
        progress.set(0);
        status.set(Messages.tr("desk.batch.working", kind));
        runner.run(() -> notices.chase(d, level, null, false, dir, (done, total, unit) -> FxThread.run(() -> {
            progress.set(total == 0 ? 1 : (double) done / total);
            status.set(unit.isEmpty() ? Messages.tr("desk.batch.combining", total)
                    : Messages.tr("desk.batch.step", done + 1, total, unit));
        })), r -> {
            working.set(false);
            progress.set(1);
            status.set(Messages.tr("desk.batch.done", r.notices().size(), kind, dir.toString()));
            dialogs.showInfo(Messages.tr("desk.batch.title", kind), Messages.tr("desk.batch.doneLong", r.notices().size(),
                    kind, r.files().size(), r.combined() == null ? "" : r.combined().getFileName().toString(),
                    dir.toString()));
            load();
        }, e -> {
            working.set(false);
            status.set("");
            dialogs.showError(Messages.tr("desk.title"), DialogService.messageOf(e), e);
        });
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public javafx.beans.property.DoubleProperty progressProperty() {
        return progress;
    }

    public javafx.beans.property.StringProperty statusProperty() {
        return status;
    }

    public ObservableList<DeskItem> items() {
        return items;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
