package org.duban.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
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

    public TrackingSettingsViewModel(AuditLog audit, TaskRunner runner, DialogService dialogs) {
        this.audit = audit;
        this.settings = new TrackingSettings(audit);
        this.runner = runner;
        this.dialogs = dialogs;
    }

    private record Values(LightRule rule, String operator, int noticeDays, int evidenceMb) {
    }

    /** Reads the stored values. */
    public void load() {
        runner.run(() -> new Values(settings.rule(), audit.configuredOperator(), settings.noticeDays(),
                settings.evidenceLimitMegabytes()), v -> {
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

    /** Saves the thresholds (refused, with the reason, when they do not fit together). */
    public void saveRule() {
        LightRule rule;
        try {
            rule = new LightRule(redLag.get(), yellowLag.get(), dueSoon.get(), staleReport.get());
        } catch (LocalizedException e) {
            ruleError.set(true);
            ruleMessage.set(e.getLocalizedMessage());
            return;
        }
        runner.run(() -> {
            settings.setRule(rule);
            return rule;
        }, r -> {
            ruleError.set(false);
            ruleMessage.set(Messages.tr("settings.saved"));
        }, this::failed);
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
            operator.set(who);
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

    /** The computer's login name, used while no name is set. */
    public String defaultOperator() {
        return AuditLog.defaultOperator();
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
