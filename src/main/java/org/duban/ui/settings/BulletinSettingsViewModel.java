package org.duban.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.service.bulletin.BulletinSettings;
import org.duban.service.bulletin.LaggingRule;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/** The bulletin settings: the rule that names lagging units, the issuer, a ranking of city departments. */
public final class BulletinSettingsViewModel {
    private final BulletinSettings settings;
    private final TaskRunner runner;
    private final DialogService dialogs;

    private final ObjectProperty<LaggingRule.Kind> kind = new SimpleObjectProperty<>(LaggingRule.DEFAULT.kind());
    private final IntegerProperty count = new SimpleIntegerProperty(LaggingRule.DEFAULT.count());
    private final IntegerProperty percent = new SimpleIntegerProperty(LaggingRule.DEFAULT.percent());
    private final StringProperty issuer = new SimpleStringProperty("");
    private final BooleanProperty departments = new SimpleBooleanProperty(true);
    private final BooleanProperty withScore = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);

    public BulletinSettingsViewModel(BulletinSettings settings, TaskRunner runner, DialogService dialogs) {
        this.settings = settings;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** The section's fields together, as last loaded or saved. */
    private record Fields(LaggingRule.Kind kind, int count, int percent, String issuer, boolean departments,
                          boolean withScore) {
    }

    private final Stored<Fields> stored = new Stored<>(() -> new Fields(kind.get(), count.get(), percent.get(),
            issuer.get(), departments.get(), withScore.get()), kind, count, percent, issuer, departments, withScore);

    public void load() {
        runner.run(settings::load, v -> {
            kind.set(v.rule().kind());
            count.set(v.rule().count());
            percent.set(v.rule().percent());
            issuer.set(v.issuer());
            departments.set(v.rankDepartments());
            withScore.set(v.withScore());
            stored.mark();
        }, this::failed);
    }

    /** True while the fields differ from the ledger's bulletin settings. */
    public javafx.beans.property.ReadOnlyBooleanProperty dirtyProperty() {
        return stored.dirty();
    }

    /** Shows the stored values again. */
    public void discard() {
        Fields v = stored.values();
        kind.set(v.kind());
        count.set(v.count());
        percent.set(v.percent());
        issuer.set(v.issuer());
        departments.set(v.departments());
        withScore.set(v.withScore());
        error.set(false);
        message.set("");
    }

    /** Saves the values (refused, with the reason, when a number is out of range: then false). */
    public boolean save() {
        BulletinSettings.Values v;
        try {
            v = new BulletinSettings.Values(new LaggingRule(kind.get(), count.get(), percent.get()), issuer.get(),
                    departments.get(), withScore.get());
        } catch (LocalizedException e) {
            error.set(true);
            message.set(e.getLocalizedMessage());
            return false;
        }
        runner.run(() -> {
            settings.save(v);
            return v;
        }, saved -> {
            stored.mark();
            error.set(false);
            message.set(Messages.tr("settings.bulletin.saved"));
        }, this::failed);
        return true;
    }

    /** The rule in words, as the bulletin will state it. */
    public String ruleText() {
        return kind.get() == LaggingRule.Kind.BOTTOM ? Messages.tr("settings.bulletin.rule.bottom", count.get())
                : Messages.tr("settings.bulletin.rule.below", percent.get());
    }

    private void failed(Throwable e) {
        error.set(true);
        message.set(DialogService.messageOf(e));
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    public ObjectProperty<LaggingRule.Kind> kindProperty() {
        return kind;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty percentProperty() {
        return percent;
    }

    public StringProperty issuerProperty() {
        return issuer;
    }

    public BooleanProperty departmentsProperty() {
        return departments;
    }

    /** Whether bulletins carry the 考评排名 section. */
    public BooleanProperty withScoreProperty() {
        return withScore;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty errorProperty() {
        return error;
    }
}
