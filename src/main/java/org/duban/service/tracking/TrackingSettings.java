package org.duban.service.tracking;

import java.util.Optional;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.persistence.Repositories;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;

/**
 * The ledger's settings for tracking: the warning-light thresholds, the default length of 公示 and the size limit
 * of evidence files. Stored in the database's {@code setting} table; a missing or unreadable value means the
 * default. Changes are audited.
 */
public final class TrackingSettings {
    public static final String RED_LAG = "light.redLagPoints";
    public static final String YELLOW_LAG = "light.yellowLagPoints";
    public static final String DUE_SOON = "light.dueSoonDays";
    public static final String STALE_REPORT = "light.staleReportDays";
    public static final String NOTICE_DAYS = "closeOut.noticeDays";
    public static final String EVIDENCE_MB = "evidence.maxMegabytes";
    public static final int DEFAULT_NOTICE_DAYS = 7;
    public static final int DEFAULT_EVIDENCE_MB = 20;

    private final UnitOfWork uow;
    private final SettingsRepository settings;
    private final AuditLog audit;

    public TrackingSettings(Repositories repos, UnitOfWork uow, AuditLog audit) {
        this.uow = uow;
        this.settings = repos.settings();
        this.audit = audit;
    }

    /** The light rule in force. */
    public LightRule rule() {
        LightRule d = LightRule.DEFAULT;
        try {
            return new LightRule(number(RED_LAG, d.redLagPoints()), number(YELLOW_LAG, d.yellowLagPoints()),
                    number(DUE_SOON, d.dueSoonDays()), number(STALE_REPORT, d.staleReportDays()));
        } catch (LocalizedException e) {
            return d; // an inconsistent rule written by another tool: the default holds
        }
    }

    /** Saves a new rule (already checked by its constructor). */
    public void setRule(LightRule rule) {
        uow.inTransaction(() -> {
            put(RED_LAG, rule.redLagPoints());
            put(YELLOW_LAG, rule.yellowLagPoints());
            put(DUE_SOON, rule.dueSoonDays());
            put(STALE_REPORT, rule.staleReportDays());
            return null;
        });
    }

    /** Saves the operator's name, the 公示 length and the evidence limit together: all or none. */
    public void saveTracking(String operator, int noticeDays, int evidenceMegabytes) {
        uow.inTransaction(() -> {
            setNoticeDays(noticeDays);
            setEvidenceLimitMegabytes(evidenceMegabytes);
            audit.setOperator(operator);
            return null;
        });
    }

    /** Default length of 公示, in days (the first and the last day count). */
    public int noticeDays() {
        return Math.max(1, number(NOTICE_DAYS, DEFAULT_NOTICE_DAYS));
    }

    public void setNoticeDays(int days) {
        if (days < 1 || days > 90) {
            throw new LocalizedException("settings.tracking.error.noticeDays");
        }
        put(NOTICE_DAYS, days);
    }

    /** Largest evidence file, in MB. */
    public int evidenceLimitMegabytes() {
        return Math.max(1, number(EVIDENCE_MB, DEFAULT_EVIDENCE_MB));
    }

    public long evidenceLimitBytes() {
        return evidenceLimitMegabytes() * 1024L * 1024L;
    }

    public void setEvidenceLimitMegabytes(int mb) {
        if (mb < 1 || mb > 500) {
            throw new LocalizedException("settings.tracking.error.evidenceLimit");
        }
        put(EVIDENCE_MB, mb);
    }

    private int number(String key, int fallback) {
        Optional<String> v = settings.get(key);
        try {
            return v.map(s -> Integer.parseInt(s.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void put(String key, int value) {
        uow.inTransaction(() -> {
            String old = settings.get(key).orElse(null);
            settings.put(key, String.valueOf(value));
            audit.changed(AuditEntity.SETTING, 0, null, null, key, old, value);
            return null;
        });
    }
}
