package org.duban.ui.settings;

import java.time.LocalDate;
import java.util.List;
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
import org.duban.service.ladder.LadderSettings;
import org.duban.service.score.ScoreRules;
import org.duban.service.score.ScoreService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * The supervision ladder's settings (文号 patterns, response periods, escalation, the desk's look-ahead, the office's
 * calendar lines) and the 考评 rule sets by the day they apply from.
 */
public final class LadderSettingsViewModel {
    private final LadderSettings settings;
    private final ScoreService scores;
    private final TaskRunner runner;
    private final DialogService dialogs;
    final StringProperty chasePattern = new SimpleStringProperty("");
    final StringProperty orderPattern = new SimpleStringProperty("");
    final StringProperty talkPattern = new SimpleStringProperty("");
    final IntegerProperty chaseDays = new SimpleIntegerProperty(5);
    final IntegerProperty orderDays = new SimpleIntegerProperty(5);
    final IntegerProperty escalateDays = new SimpleIntegerProperty(10);
    final IntegerProperty talkAfter = new SimpleIntegerProperty(2);
    final IntegerProperty deskDays = new SimpleIntegerProperty(15);
    final StringProperty calendar = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty error = new SimpleBooleanProperty(false);

    final ObservableList<ScoreRules> ruleSets = FXCollections.observableArrayList();
    final ObjectProperty<LocalDate> rulesFrom = new SimpleObjectProperty<>();
    final StringProperty rulesText = new SimpleStringProperty("");
    final StringProperty rulesMessage = new SimpleStringProperty("");
    final BooleanProperty rulesError = new SimpleBooleanProperty(false);

    public LadderSettingsViewModel(LadderSettings settings, ScoreService scores, TaskRunner runner,
                                   DialogService dialogs) {
        this.settings = settings;
        this.scores = scores;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** The ladder's fields together, as last loaded or saved. */
    private record Fields(String chasePattern, String orderPattern, String talkPattern, int chaseDays, int orderDays,
                          int escalateDays, int talkAfter, int deskDays, String calendar) {
    }

    private final Stored<Fields> stored = new Stored<>(() -> new Fields(chasePattern.get(), orderPattern.get(),
            talkPattern.get(), chaseDays.get(), orderDays.get(), escalateDays.get(), talkAfter.get(), deskDays.get(),
            calendar.get()), chasePattern, orderPattern, talkPattern, chaseDays, orderDays, escalateDays, talkAfter,
            deskDays, calendar);
    private final Stored<String> storedRules = new Stored<>(rulesText::get, rulesText);

    /** True while the ladder's values or the score rules shown differ from the ledger's. */
    public javafx.beans.binding.BooleanExpression dirtyProperty() {
        return stored.dirty().or(storedRules.dirty());
    }

    /** Shows the stored values and the rule set as it was shown. */
    public void discard() {
        Fields v = stored.values();
        chasePattern.set(v.chasePattern());
        orderPattern.set(v.orderPattern());
        talkPattern.set(v.talkPattern());
        chaseDays.set(v.chaseDays());
        orderDays.set(v.orderDays());
        escalateDays.set(v.escalateDays());
        talkAfter.set(v.talkAfter());
        deskDays.set(v.deskDays());
        calendar.set(v.calendar());
        rulesText.set(storedRules.values());
        error.set(false);
        message.set("");
        rulesError.set(false);
        rulesMessage.set("");
    }

    /** Saves what changed: the ladder's values, the score rules, or both. */
    public void saveChanged() {
        if (stored.dirty().get()) {
            save();
        }
        if (storedRules.dirty().get()) {
            saveRules();
        }
    }

    /** The ladder's settings and the score rule sets, read together. */
    private record Loaded(LadderSettings.Values values, List<ScoreRules> ruleSets) {
    }

    public void load() {
        runner.run(() -> new Loaded(settings.load(), scores.ruleSets()), r -> {
            LadderSettings.Values v = r.values();
            chasePattern.set(v.chasePattern());
            orderPattern.set(v.orderPattern());
            talkPattern.set(v.talkPattern());
            chaseDays.set(v.chaseResponseDays());
            orderDays.set(v.orderResponseDays());
            escalateDays.set(v.escalateWorkingDays());
            talkAfter.set(v.talkAfterOrders());
            deskDays.set(v.deskDays());
            calendar.set(v.calendarLines());
            stored.mark();
            List<ScoreRules> sets = r.ruleSets();
            ruleSets.setAll(sets);
            show(sets.get(sets.size() - 1));
        }, this::failed);
    }

    /** Shows a rule set in the editor (the built-in one is offered from 1 January of this year). */
    public void show(ScoreRules set) {
        boolean builtIn = set.effectiveFrom().getYear() < 2000;
        rulesFrom.set(builtIn ? scores.today().withDayOfYear(1) : set.effectiveFrom());
        rulesText.set(set.text().strip() + "\n");
        storedRules.mark();
    }

    /** Saves the ladder's values together (refused, with the reason, when one is wrong). */
    public void save() {
        LadderSettings.Values v = new LadderSettings.Values(chasePattern.get(), orderPattern.get(), talkPattern.get(),
                chaseDays.get(), orderDays.get(), escalateDays.get(), talkAfter.get(), deskDays.get(), calendar.get());
        runner.run(() -> {
            settings.save(v);
            return v;
        }, saved -> {
            stored.mark();
            error.set(false);
            message.set(Messages.tr("settings.ladder.saved"));
        }, e -> {
            error.set(true);
            message.set(DialogService.messageOf(e));
        });
    }

    /** Saves the rule set shown, applying from its day (one for the same day is replaced). */
    public void saveRules() {
        LocalDate from = rulesFrom.get();
        String text = rulesText.get();
        runner.run(() -> {
            scores.saveRuleSet(from, "", text);
            return scores.ruleSets();
        }, sets -> {
            ruleSets.setAll(sets);
            storedRules.mark();
            rulesError.set(false);
            rulesMessage.set(Messages.tr("settings.score.saved", from.toString()));
        }, e -> {
            rulesError.set(true);
            rulesMessage.set(DialogService.messageOf(e));
        });
    }

    private void failed(Throwable e) {
        error.set(true);
        message.set(DialogService.messageOf(e));
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }
}
