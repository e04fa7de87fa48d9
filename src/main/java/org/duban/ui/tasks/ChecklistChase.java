package org.duban.ui.tasks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.duban.i18n.Messages;
import org.duban.model.NoticeLevel;
import org.duban.model.Unit;
import org.duban.service.ladder.NoticeService;
import org.duban.service.tasks.ChecklistRow;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 催办 from the checklist: a 催办单 or 督办通知书 about the selected task, to the unit the checklist is narrowed to or
 * else to each of the task's units with an open share, dated today, numbered, as PDF and .docx into a folder the
 * person picks (after confirming).
 */
final class ChecklistChase {
    private final NoticeService notices;
    private final Supplier<LocalDate> today;
    private final TaskRunner runner;
    private final DialogService dialogs;

    ChecklistChase(NoticeService notices, Supplier<LocalDate> today, TaskRunner runner, DialogService dialogs) {
        this.notices = notices;
        this.today = today;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** The toolbar's 催办 menu for the row {@code selected} gives and the unit {@code unit} gives (or null). */
    MenuButton menu(Supplier<ChecklistRow> selected, Supplier<Unit> unit, LedgerAccess access,
                    javafx.beans.value.ObservableBooleanValue noRow) {
        MenuItem chase = new MenuItem(Messages.tr("tasks.chase.item", Messages.tr("notice.doc.kind.CHASE")));
        chase.setId("chaseSelectedChase");
        chase.setOnAction(e -> send(selected.get(), unit.get(), NoticeLevel.CHASE));
        MenuItem order = new MenuItem(Messages.tr("tasks.chase.item", Messages.tr("notice.doc.kind.ORDER")));
        order.setId("chaseSelectedOrder");
        order.setOnAction(e -> send(selected.get(), unit.get(), NoticeLevel.ORDER));
        MenuButton b = new MenuButton(Messages.tr("tasks.chase"), new FontIcon("mdi2b-bell-ring-outline"), chase, order);
        b.setId("chaseSelectedButton");
        b.setAccessibleText(Messages.tr("tasks.chase"));
        access.writes(b, noRow);
        return b;
    }

    /** Confirms, asks for a folder, then issues and writes in the background. */
    void send(ChecklistRow row, Unit unit, NoticeLevel level) {
        if (row == null) {
            return;
        }
        LocalDate day = today.get();
        String kind = Messages.tr("notice.doc.kind." + level.name());
        String to = unit != null ? unit.name()
                : row.units().stream().map(Unit::name).collect(Collectors.joining("、"));
        if (!dialogs.confirm(Messages.tr("desk.send.title", kind), Messages.tr("tasks.chase.confirm", to, kind,
                day.toString(), row.task().seq()), Messages.tr("desk.send.ok", kind))) {
            return;
        }
        dialogs.chooseFolder(Messages.tr("desk.send.folder", kind)).ifPresent(dir -> write(row, unit, level, day, dir));
    }

    private void write(ChecklistRow row, Unit unit, NoticeLevel level, LocalDate day, Path dir) {
        String kind = Messages.tr("notice.doc.kind." + level.name());
        runner.run(() -> notices.chaseTasks(day, level, List.of(row.task().id()), unit == null ? null : unit.id(),
                false, dir, NoticeService.Progress.NONE), r -> dialogs.showInfo(Messages.tr("desk.send.title", kind),
                Messages.tr("tasks.chase.done", r.notices().size(), kind, r.notices().stream()
                        .map(n -> n.number()).collect(Collectors.joining("、")), dir.toString())),
                e -> dialogs.showError(Messages.tr("desk.send.title", kind), DialogService.messageOf(e), e));
    }
}
