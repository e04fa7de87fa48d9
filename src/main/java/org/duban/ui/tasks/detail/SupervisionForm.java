package org.duban.ui.tasks.detail;

import java.time.LocalDate;
import java.util.OptionalLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duban.i18n.Messages;
import org.duban.model.ReportingCycle;
import org.duban.model.Supervision;

/** 挂牌督办 of the task, on the 基本信息 tab: put under supervision, change it, or end it (摘牌). */
public final class SupervisionForm {
    private final TaskDetailViewModel vm;
    private final BooleanProperty supervised = new SimpleBooleanProperty(false);
    private final StringProperty leader = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportingCycle> cycle = new SimpleObjectProperty<>(ReportingCycle.MONTHLY);
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    SupervisionForm(TaskDetailViewModel vm) {
        this.vm = vm;
    }

    /** The version of the supervision shown, as read with it (empty: not supervised then). */
    private OptionalLong seenVersion = OptionalLong.empty();

    void reset(Supervision s, OptionalLong version) {
        seenVersion = version;
        supervised.set(s != null);
        leader.set(s == null ? "" : s.leader());
        since.set(s == null ? vm.today() : s.since());
        cycle.set(s == null ? ReportingCycle.MONTHLY : s.cycle());
        note.set(s == null ? "" : s.note());
        error.set("");
    }

    /** Puts the task under supervision, or saves the changed supervision. */
    public void save() {
        String who = leader.get();
        LocalDate day = since.get();
        ReportingCycle c = cycle.get();
        String n = note.get();
        OptionalLong seen = seenVersion;
        vm.change(() -> vm.services().supervision().supervise(vm.taskId(), who, day, c, n, seen), error, saving,
                r -> { });
    }

    /** Ends the supervision after asking. */
    public void end() {
        boolean ok = vm.services().dialogs().confirmDestructive(Messages.tr("supervision.end.title"),
                Messages.tr("supervision.end.message"), Messages.tr("supervision.end.ok"));
        if (ok) {
            vm.change(() -> {
                vm.services().supervision().end(vm.taskId());
                return Boolean.TRUE;
            }, error, saving, r -> { });
        }
    }

    public BooleanProperty supervisedProperty() {
        return supervised;
    }

    public StringProperty leaderProperty() {
        return leader;
    }

    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    public ObjectProperty<ReportingCycle> cycleProperty() {
        return cycle;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
