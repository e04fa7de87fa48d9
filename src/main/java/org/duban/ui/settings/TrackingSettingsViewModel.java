package org.duban.ui.settings;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.service.audit.AuditLog;
import org.duban.service.tracking.LightRule;
import org.duban.service.tracking.TrackingSettings;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * The tracking settings of the ledger: the warning-light thresholds, the operator's name for the audit trail, the
 * default length of 公示 and the evidence size limit. Loaded and saved through the runner.
 */
public final class TrackingSettingsViewModel {
    private final AuditLog audit;
    private final TrackingSettings settings;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final IntegerProperty redLag = new SimpleIntegerProperty(LightRule.DEFAULT.redLagPoints());
    private final IntegerProperty yellowLag = new SimpleIntegerProperty(LightRule.DEFAULT.yellowLagPoints());
    private final IntegerProperty dueSoon = new SimpleIntegerProperty(LightRule.DEFAULT.dueSoonDays());
    private final IntegerProperty staleReport = new SimpleIntegerProperty(LightRule.DEFAULT.staleReportDays());
    private final StringProperty ruleMessage = new SimpleStringProperty("");
    private final BooleanProperty ruleError = new SimpleBooleanProperty(false);
    private final StringProperty operator = new SimpleStringProperty("");
    private final IntegerProperty noticeDays = new SimpleIntegerProperty(TrackingSettings.DEFAULT_NOTICE_DAYS);
    private final IntegerProperty evidenceMb = new SimpleIntegerProperty(TrackingSettings.DEFAULT_EVIDENCE_MB);
    private final StringProperty trackingMessage = new SimpleStringProperty("");
    private final BooleanProperty trackingError = new SimpleBooleanProperty(false);

    /** What the ledger holds (as loaded or last saved): the fields differ from it while a section is dirty. */
    private LightRule storedRule = LightRule.DEFAULT;
    private String storedOperator = "";
    private int storedNoticeDays = TrackingSettings.DEFAULT_NOTICE_DAYS;
    private int storedEvidenceMb = TrackingSettings.DEFAULT_EVIDENCE_MB;
    private final ReadOnlyBooleanWrapper ruleDirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper trackingDirty = new ReadOnlyBooleanWrapper(false);

    public TrackingSettingsViewModel(AuditLog audit, TrackingSettings settings, TaskRunner runner,
                                     DialogService dialogs) {
        this.audit = audit;
        this.settings = settings;
        this.runner = runner;
        this.dialogs = dialogs;
        for (IntegerProperty p : List.of(redLag, yellowLag, dueSoon, staleReport)) {
            p.addListener((obs, o, n) -> recheckRule());
        }
        operator.addListener((obs, o, n) -> recheckTracking());
        noticeDays.addListener((obs, o, n) -> recheckTracking());
        evidenceMb.addListener((obs, o, n) -> recheckTracking());
    }

    private void recheckRule() {
        ruleDirty.set(redLag.get() != storedRule.redLagPoints() || yellowLag.get() != storedRule.yellowLagPoints()
                || dueSoon.get() != storedRule.dueSoonDays() || staleReport.get() != storedRule.staleReportDays());
    }

    private void recheckTracking() {
        String typed = operator.get() == null ? "" : operator.get().strip();
        trackingDirty.set(!typed.equals(storedOperator) || noticeDays.get() != storedNoticeDays
                || evidenceMb.get() != storedEvidenceMb);
    }

    /** True while the thresholds shown differ from the rule in the ledger. */
    public ReadOnlyBooleanProperty ruleDirtyProperty() {
        return ruleDirty.getReadOnlyProperty();
    }

    /** True while the operator's name, the 公示 length or the evidence limit differ from the ledger's. */
    public ReadOnlyBooleanProperty trackingDirtyProperty() {
        return trackingDirty.getReadOnlyProperty();
    }

    /** Shows the rule in the ledger again, dropping typed thresholds. */
    public void discardRule() {
        showRule(storedRule);
        ruleError.set(false);
        ruleMessage.set("");
    }

    /** Shows the stored operator, 公示 length and evidence limit again. */
    public void discardTracking() {
        operator.set(storedOperator);
        noticeDays.set(storedNoticeDays);
        evidenceMb.set(storedEvidenceMb);
        trackingError.set(false);
        trackingMessage.set("");
    }

    private record Values(LightRule rule, String operator, int noticeDays, int evidenceMb) {
    }

    /** Reads the stored values. */
    public void load() {
        runner.run(() -> new Values(settings.rule(), audit.configuredOperator(), settings.noticeDays(),
                settings.evidenceLimitMegabytes()), v -> {
                    storedRule = v.rule();
                    storedOperator = v.operator() == null ? "" : v.operator();
                    storedNoticeDays = v.noticeDays();
                    storedEvidenceMb = v.evidenceMb();
                    showRule(v.rule());
                    operator.set(v.operator());
                    noticeDays.set(v.noticeDays());
                    evidenceMb.set(v.evidenceMb());
                }, this::failed);
    }

    private void showRule(LightRule r) {
        redLag.set(r.redLagPoints());
        yellowLag.set(r.yellowLagPoints());
        dueSoon.set(r.dueSoonDays());
        staleReport.set(r.staleReportDays());
    }

    /**
     * Saves the thresholds (refused, with the reason, when they do not fit together).
     *
     * @return false when refused before saving
     */
    public boolean saveRule() {
        LightRule rule;
        try {
            rule = new LightRule(redLag.get(), yellowLag.get(), dueSoon.get(), staleReport.get());
        } catch (LocalizedException e) {
            ruleError.set(true);
            ruleMessage.set(e.getLocalizedMessage());
            return false;
        }
        runner.run(() -> {
            settings.setRule(rule);
            return rule;
        }, r -> {
            storedRule = r;
            recheckRule();
            ruleError.set(false);
            ruleMessage.set(Messages.tr("settings.saved"));
        }, this::failed);
        return true;
    }

    /** Back to the default thresholds (saved at once). */
    public void restoreDefaultRule() {
        showRule(LightRule.DEFAULT);
        saveRule();
    }

    /** Saves the operator's name, the 公示 length and the evidence limit. */
    public void saveTracking() {
        String name = operator.get();
        int days = noticeDays.get();
        int mb = evidenceMb.get();
        runner.run(() -> {
            settings.saveTracking(name, days, mb);
            return audit.configuredOperator();
        }, who -> {
            storedOperator = who == null ? "" : who;
            storedNoticeDays = days;
            storedEvidenceMb = mb;
            operator.set(who);
            recheckTracking();
            trackingError.set(false);
            trackingMessage.set(Messages.tr("settings.saved"));
        }, e -> {
            if (e instanceof LocalizedException le) {
                trackingError.set(true);
                trackingMessage.set(le.getLocalizedMessage());
            } else {
                failed(e);
            }
        });
    }

    /** The name used while none is set: the computer's login name, or this seat's login on a shared ledger. */
    public String defaultOperator() {
        return audit.fallbackOperator();
    }

    /** True on a shared ledger: the name is this seat's, kept on this computer, not the ledger's. */
    public boolean seatOperator() {
        return audit.seated();
    }

    private void failed(Throwable e) {
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    public IntegerProperty redLagProperty() {
        return redLag;
    }

    public IntegerProperty yellowLagProperty() {
        return yellowLag;
    }

    public IntegerProperty dueSoonProperty() {
        return dueSoon;
    }

    public IntegerProperty staleReportProperty() {
        return staleReport;
    }

    public StringProperty ruleMessageProperty() {
        return ruleMessage;
    }

    public BooleanProperty ruleErrorProperty() {
        return ruleError;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public IntegerProperty noticeDaysProperty() {
        return noticeDays;
    }

    public IntegerProperty evidenceMbProperty() {
        return evidenceMb;
    }

    public StringProperty trackingMessageProperty() {
        return trackingMessage;
    }

    public BooleanProperty trackingErrorProperty() {
        return trackingError;
    }
}
