package org.duban.ui.settings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.service.units.RosterService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * Settings → 单位名单: the roster as an editable list. Edits (name, short name, kind, aliases, order, a new unit,
 * retiring, taking back, merging) stay in the list until 保存, which applies them all in one transaction, or
 * 撤销修改 drops them; {@link #dirtyProperty()} says whether there are any, for the settings screen's rule on
 * leaving a section. Retiring and merging are confirmed at 保存, naming what they do.
 */
public final class RosterViewModel {
    /** One unit as the list edits it. */
    public static final class Row {
        private final Unit original;
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty shortName = new SimpleStringProperty("");
        private final ObjectProperty<UnitKind> kind = new SimpleObjectProperty<>(UnitKind.CITY_DEPARTMENT);
        private final StringProperty aliases = new SimpleStringProperty("");
        private final BooleanProperty retired = new SimpleBooleanProperty(false);
        private final ObjectProperty<Unit> mergeInto = new SimpleObjectProperty<>();

        Row(Unit u) {
            this.original = u;
            if (u != null) {
                name.set(u.name());
                shortName.set(u.shortName());
                kind.set(u.kind());
                aliases.set(String.join("；", u.aliases()));
                retired.set(u.retired());
            }
        }

        /** The unit as stored, or null for a unit to add. */
        public Unit original() {
            return original;
        }

        public boolean isNew() {
            return original == null;
        }

        /** A merged unit is history: shown, not edited. */
        public boolean merged() {
            return original != null && original.mergedInto() != null;
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty shortNameProperty() {
            return shortName;
        }

        public ObjectProperty<UnitKind> kindProperty() {
            return kind;
        }

        public StringProperty aliasesProperty() {
            return aliases;
        }

        public BooleanProperty retiredProperty() {
            return retired;
        }

        public ObjectProperty<Unit> mergeIntoProperty() {
            return mergeInto;
        }

        List<String> aliasList() {
            return Arrays.stream(aliases.get().split("[；;\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }

        boolean changed() {
            if (original == null) {
                return true;
            }
            return !original.name().equals(name.get().strip()) || !original.shortName().equals(shortName.get().strip())
                    || original.kind() != kind.get() || !original.aliases().equals(aliasList())
                    || original.retired() != retired.get() || mergeInto.get() != null;
        }

        RosterService.Draft draft() {
            return new RosterService.Draft(original == null ? null : original.id(), name.get(), shortName.get(),
                    kind.get(), aliasList(), retired.get(), mergeInto.get() == null ? null : mergeInto.get().id());
        }

        Observable[] observables() {
            return new Observable[] {name, shortName, kind, aliases, retired, mergeInto};
        }
    }

    private final RosterService roster;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Supplier<LocalDate> today;
    private final ObservableList<Row> rows = FXCollections.observableArrayList(r -> r.observables());
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);
    private List<Long> loadedOrder = List.of();

    public RosterViewModel(RosterService roster, TaskRunner runner, DialogService dialogs, Supplier<LocalDate> today) {
        this.roster = roster;
        this.runner = runner;
        this.dialogs = dialogs;
        this.today = today;
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> dirty.set(computeDirty()));
    }

    private boolean computeDirty() {
        if (rows.stream().anyMatch(Row::changed)) {
            return true;
        }
        return !rows.stream().map(r -> r.original().id()).toList().equals(loadedOrder);
    }

    /** Reads the roster (every edit not saved is dropped). */
    public void load() {
        runner.run(roster::all, list -> {
            rows.setAll(list.stream().map(Row::new).toList());
            loadedOrder = list.stream().map(Unit::id).toList();
            dirty.set(false);
        }, this::failed);
    }

    /** 撤销修改: back to the roster as saved. */
    public void revert() {
        message.set("");
        load();
    }

    /** 添加单位: a new row at the end, to be named. */
    public Row add() {
        Row r = new Row(null);
        r.name.set(Messages.tr("settings.roster.newName"));
        rows.add(r);
        selected.set(r);
        return r;
    }

    /** Moves the chosen unit one place up (-1) or down (+1). */
    public void move(int step) {
        Row r = selected.get();
        int i = rows.indexOf(r);
        int j = i + step;
        if (r == null || i < 0 || j < 0 || j >= rows.size()) {
            return;
        }
        rows.remove(i);
        rows.add(j, r);
        selected.set(r);
    }

    /** 停用 / 恢复启用 for the chosen unit. */
    public void toggleRetired() {
        Row r = selected.get();
        if (r == null || r.merged()) {
            return;
        }
        r.retired.set(!r.retired.get());
        if (!r.retired.get()) {
            r.mergeInto.set(null);
        }
    }

    /** 并入…: asks which unit in service the chosen one goes into. */
    public void chooseMerge() {
        Row r = selected.get();
        if (r == null || r.isNew() || r.merged()) {
            return;
        }
        List<Unit> targets = rows.stream().filter(x -> !x.isNew() && x != r && !x.original().retired()
                && !x.retired.get()).map(Row::original).toList();
        List<UnitOption> options = targets.stream().map(UnitOption::new).toList();
        dialogs.choose(Messages.tr("settings.roster.merge.title"),
                Messages.tr("settings.roster.merge.message", r.original().name()), options).ifPresent(o -> {
                    r.mergeInto.set(o.unit());
                    r.retired.set(true);
                });
    }

    /** A unit offered in the merge chooser, shown by name. */
    public record UnitOption(Unit unit) {
        @Override
        public String toString() {
            return unit.name();
        }
    }

    /** 保存: confirms retirements and merges by name, then applies every edit at once. */
    public boolean save() {
        List<RosterService.Draft> drafts = rows.stream().map(Row::draft).toList();
        List<String> serious = new ArrayList<>();
        for (Row r : rows) {
            if (r.mergeInto.get() != null) {
                serious.add(Messages.tr("settings.roster.confirm.merge", r.original().name(), r.mergeInto.get().name()));
            } else if (r.retired.get() && (r.isNew() || !r.original().retired())) {
                serious.add(Messages.tr("settings.roster.confirm.retire", r.name.get()));
            }
        }
        if (!serious.isEmpty() && !dialogs.confirmDestructive(Messages.tr("settings.roster.confirm.title"),
                Messages.tr("settings.roster.confirm.message", String.join("\n", serious)),
                Messages.tr("common.save"))) {
            return false;
        }
        runner.run(() -> roster.apply(drafts, today.get()), applied -> {
            error.set(false);
            message.set(Messages.tr("settings.roster.saved", applied.added(), applied.changed(), applied.retired(),
                    applied.merged()));
            load();
        }, e -> {
            error.set(true);
            message.set(DialogService.messageOf(e));
        });
        return true;
    }

    private void failed(Throwable e) {
        error.set(true);
        message.set(DialogService.messageOf(e));
    }

    /** What a row's state column says: 在用, 已停用（date）, 将停用, 已并入 X, 将并入 X, 新增. */
    public String stateText(Row r) {
        if (r.merged()) {
            String into = rows.stream().filter(x -> !x.isNew() && x.original().id() == r.original().mergedInto())
                    .map(x -> x.original().name()).findFirst().orElse("?");
            return Messages.tr("settings.roster.state.merged", into, r.original().retiredOn());
        }
        if (r.mergeInto.get() != null) {
            return Messages.tr("settings.roster.state.toMerge", r.mergeInto.get().name());
        }
        if (r.retired.get()) {
            return !r.isNew() && r.original().retired()
                    ? Messages.tr("settings.roster.state.retired", r.original().retiredOn())
                    : Messages.tr("settings.roster.state.toRetire");
        }
        if (r.isNew()) {
            return Messages.tr("settings.roster.state.new");
        }
        return r.original().retired() ? Messages.tr("settings.roster.state.toReinstate")
                : Messages.tr("settings.roster.state.inService");
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** Edits not saved yet. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty errorProperty() {
        return error;
    }
}
