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

    public void load(Runnable then) {
        loading.set(true);
        LocalDate d = day.get();
        boolean first = items.isEmpty() && counts.isEmpty();
        runner.run(() -> {
            int n = first ? desk.defaultDays() : days.get();
            return new Object[] {n, desk.desk(d, n)};
        }, r -> {
            days.set((Integer) r[0]);
            @SuppressWarnings("unchecked")
            List<DeskItem> list = (List<DeskItem>) r[1];
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
