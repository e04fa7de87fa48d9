package org.duban.ui.score;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.service.handout.FontPreference;
import org.duban.service.score.ScoreEvent;
import org.duban.service.score.ScoreExport;
import org.duban.service.score.ScoreService;
import org.duban.service.score.UnitScore;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * State of 考评排名: the period (from 1 January of today's year to today by default), the units ranked by the rule
 * set in force, the events of the unit chosen (every point of its score), and exporting the table as .xlsx or PDF.
 */
public final class ScoreViewModel {
    private final ScoreService scores;
    private final Supplier<FontPreference> fonts;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObjectProperty<ScoreService.ScoreTable> table = new SimpleObjectProperty<>();
    private final ObservableList<UnitScore> units = FXCollections.observableArrayList();
    private final ObservableList<ScoreEvent> events = FXCollections.observableArrayList();
    private final ObjectProperty<UnitScore> selected = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty working = new SimpleBooleanProperty(false);

    public ScoreViewModel(ScoreService scores, Supplier<FontPreference> fonts, TaskRunner runner, DialogService dialogs) {
        this.scores = scores;
        this.fonts = fonts;
        this.runner = runner;
        this.dialogs = dialogs;
        LocalDate today = scores.today();
        asOf.set(today);
        from.set(today.withDayOfYear(1));
        selected.addListener((o, a, s) -> events.setAll(s == null ? java.util.List.of() : s.events()));
    }

    /** Scores the units over the period shown; a wrong period lands in {@link #errorProperty()}. */
    public void load() {
        LocalDate f = from.get();
        LocalDate a = asOf.get();
        error.set("");
        if (f == null || a == null) {
            error.set(Messages.tr("score.view.error.period"));
            return;
        }
        working.set(true);
        runner.run(() -> scores.score(f, a), t -> {
            working.set(false);
            String unit = selected.get() == null ? null : selected.get().unit().name();
            table.set(t);
            units.setAll(t.units());
            selected.set(unit == null ? null : t.of(unit).orElse(null));
            status.set(Messages.tr("score.view.status", t.from().toString(), t.asOf().toString(),
                    t.rules().effectiveFrom().getYear() < 2000 ? Messages.tr("settings.score.builtIn")
                            : Messages.tr("settings.score.from", t.rules().effectiveFrom()), t.units().size()));
        }, e -> {
            working.set(false);
            table.set(null);
            units.clear();
            selected.set(null);
            if (e instanceof LocalizedException le) {
                error.set(le.getLocalizedMessage());
            } else {
                dialogs.showError(Messages.tr("score.view.title"), DialogService.messageOf(e), e);
            }
        });
    }

    /** Exports the table shown as "xlsx" or "pdf", to a file the user names. */
    public void export(String extension) {
        ScoreService.ScoreTable t = table.get();
        if (t == null) {
            return;
        }
        String name = Messages.tr("score.view.fileName", t.from().toString(), t.asOf().toString(), extension);
        dialogs.chooseSaveFile(Messages.tr("score.view.export"), name).ifPresent(file -> write(t, file));
    }

    private void write(ScoreService.ScoreTable t, Path file) {
        working.set(true);
        runner.run(() -> {
            ScoreExport.write(t, file, fonts.get());
            return file;
        }, f -> {
            working.set(false);
            status.set(Messages.tr("score.view.exported", f.toString()));
        }, e -> {
            working.set(false);
            dialogs.showError(Messages.tr("score.view.title"), DialogService.messageOf(e), e);
        });
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObjectProperty<ScoreService.ScoreTable> tableProperty() {
        return table;
    }

    public ObservableList<UnitScore> units() {
        return units;
    }

    public ObservableList<ScoreEvent> events() {
        return events;
    }

    public ObjectProperty<UnitScore> selectedProperty() {
        return selected;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty workingProperty() {
        return working;
    }
}
