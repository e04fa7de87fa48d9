package org.duban.ui.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.duban.model.Term;
import org.duban.service.vocabulary.VocabularyService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * Settings → 来源和类别: the office's sources and problem categories, each an editable list (name, aliases, order, a
 * new name, merging one into another). Edits stay in the lists until 保存 applies them (tasks follow a renamed or
 * merged name, each change audited), or 撤销修改 drops them; {@link #dirtyProperty()} says whether there are any.
 */
public final class VocabularyViewModel {
    /** One name as the list edits it. */
    public static final class Row {
        private final Term original;
        private final int tasks;
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty aliases = new SimpleStringProperty("");
        private final ObjectProperty<Term> mergeInto = new SimpleObjectProperty<>();

        Row(Term t, int tasks) {
            this.original = t;
            this.tasks = tasks;
            if (t != null) {
                name.set(t.name());
                aliases.set(String.join("；", t.aliases()));
            }
        }

        public Term original() {
            return original;
        }

        /** How many tasks have this name. */
        public int tasks() {
            return tasks;
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty aliasesProperty() {
            return aliases;
        }

        public ObjectProperty<Term> mergeIntoProperty() {
            return mergeInto;
        }

        List<String> aliasList() {
            return Arrays.stream(aliases.get().split("[；;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        boolean changed() {
            return original == null || !original.name().equals(name.get().strip())
                    || !original.aliases().equals(aliasList()) || mergeInto.get() != null;
        }

        VocabularyService.Draft draft() {
            return new VocabularyService.Draft(original == null ? null : original.id(), name.get(), aliasList(),
                    mergeInto.get() == null ? null : mergeInto.get().id());
        }

        Observable[] observables() {
            return new Observable[] {name, aliases, mergeInto};
        }
    }

    private final VocabularyService names;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Map<Term.Kind, ObservableList<Row>> rows = new EnumMap<>(Term.Kind.class);
    private final Map<Term.Kind, ObjectProperty<Row>> selected = new EnumMap<>(Term.Kind.class);
    private final Map<Term.Kind, List<Long>> loadedOrder = new EnumMap<>(Term.Kind.class);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);

    public VocabularyViewModel(VocabularyService names, TaskRunner runner, DialogService dialogs) {
        this.names = names;
        this.runner = runner;
        this.dialogs = dialogs;
        for (Term.Kind k : Term.Kind.values()) {
            ObservableList<Row> list = FXCollections.observableArrayList(r -> r.observables());
            list.addListener((javafx.collections.ListChangeListener<Row>) c -> dirty.set(computeDirty()));
            rows.put(k, list);
            selected.put(k, new SimpleObjectProperty<>());
            loadedOrder.put(k, List.of());
        }
    }

    private boolean computeDirty() {
        for (Term.Kind k : Term.Kind.values()) {
            if (rows.get(k).stream().anyMatch(Row::changed)) {
                return true;
            }
            if (!rows.get(k).stream().map(r -> r.original().id()).toList().equals(loadedOrder.get(k))) {
                return true;
            }
        }
        return false;
    }

    private record Loaded(Map<Term.Kind, List<Term>> terms, Map<Term.Kind, Map<String, Integer>> counts) {
    }

    /** Reads the names (every edit not saved is dropped). */
    public void load() {
        runner.run(() -> {
            Map<Term.Kind, List<Term>> terms = new EnumMap<>(Term.Kind.class);
            Map<Term.Kind, Map<String, Integer>> counts = new EnumMap<>(Term.Kind.class);
            for (Term.Kind k : Term.Kind.values()) {
                terms.put(k, names.terms(k));
                counts.put(k, names.taskCounts(k));
            }
            return new Loaded(terms, counts);
        }, loaded -> {
            for (Term.Kind k : Term.Kind.values()) {
                List<Term> list = loaded.terms().get(k);
                rows.get(k).setAll(list.stream().map(t -> new Row(t, loaded.counts().get(k).getOrDefault(t.name(), 0)))
                        .toList());
                loadedOrder.put(k, list.stream().map(Term::id).toList());
            }
            dirty.set(false);
        }, e -> {
            error.set(true);
            message.set(DialogService.messageOf(e));
        });
    }

    public void revert() {
        message.set("");
        load();
    }

    /** 添加: a new name at the end of the list. */
    public Row add(Term.Kind kind) {
        Row r = new Row(null, 0);
        r.name.set(Messages.tr("settings.vocabulary.newName"));
        rows.get(kind).add(r);
        selected.get(kind).set(r);
        return r;
    }

    /** Moves the chosen name of a list one place up (-1) or down (+1). */
    public void move(Term.Kind kind, int step) {
        ObservableList<Row> list = rows.get(kind);
        Row r = selected.get(kind).get();
        int i = list.indexOf(r);
        int j = i + step;
        if (r == null || i < 0 || j < 0 || j >= list.size()) {
            return;
        }
        list.remove(i);
        list.add(j, r);
        selected.get(kind).set(r);
    }

    /** 并入…: asks which other name the chosen one goes into (its tasks follow at 保存). */
    public void chooseMerge(Term.Kind kind) {
        Row r = selected.get(kind).get();
        if (r == null || r.original() == null) {
            return;
        }
        List<TermOption> options = rows.get(kind).stream().filter(x -> x != r && x.original() != null
                && x.mergeInto.get() == null).map(x -> new TermOption(x.original())).toList();
        dialogs.choose(Messages.tr("settings.vocabulary.merge.title"),
                Messages.tr("settings.vocabulary.merge.message", r.original().name(), r.tasks()), options)
                .ifPresent(o -> r.mergeInto.set(o.term()));
    }

    /** A name offered in the merge chooser. */
    public record TermOption(Term term) {
        @Override
        public String toString() {
            return term.name();
        }
    }

    /** 保存: confirms renames and merges (they change tasks), then applies both lists at once. */
    public boolean save() {
        List<String> serious = new ArrayList<>();
        for (Term.Kind k : Term.Kind.values()) {
            for (Row r : rows.get(k)) {
                if (r.original() == null) {
                    continue;
                }
                if (r.mergeInto.get() != null) {
                    serious.add(Messages.tr("settings.vocabulary.confirm.merge", r.original().name(),
                            r.mergeInto.get().name(), r.tasks()));
                } else if (!r.original().name().equals(r.name.get().strip())) {
                    serious.add(Messages.tr("settings.vocabulary.confirm.rename", r.original().name(),
                            r.name.get().strip(), r.tasks()));
                }
            }
        }
        if (!serious.isEmpty() && !dialogs.confirmDestructive(Messages.tr("settings.vocabulary.confirm.title"),
                Messages.tr("settings.vocabulary.confirm.message", String.join("\n", serious)),
                Messages.tr("common.save"))) {
            return false;
        }
        Map<Term.Kind, List<VocabularyService.Draft>> drafts = new EnumMap<>(Term.Kind.class);
        for (Term.Kind k : Term.Kind.values()) {
            drafts.put(k, rows.get(k).stream().map(Row::draft).toList());
        }
        runner.run(() -> names.apply(drafts), moved -> {
            error.set(false);
            message.set(Messages.tr("settings.vocabulary.saved", moved));
            load();
        }, e -> {
            error.set(true);
            message.set(DialogService.messageOf(e));
        });
        return true;
    }

    public ObservableList<Row> rows(Term.Kind kind) {
        return rows.get(kind);
    }

    public ObjectProperty<Row> selectedProperty(Term.Kind kind) {
        return selected.get(kind);
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
