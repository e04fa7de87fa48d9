package org.duban.service.bulletin;

import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.persistence.Repositories;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;

/**
 * The ledger's settings for bulletins (通报): which units are named as lagging, the issuer printed in the masthead,
 * and whether city departments get a ranking of their own. Kept in the {@code setting} table; a missing or
 * unreadable value means the default. Changes are audited.
 */
public final class BulletinSettings {
    static final String LAGGING_KIND = "bulletin.lagging.kind";
    static final String LAGGING_COUNT = "bulletin.lagging.count";
    static final String LAGGING_PERCENT = "bulletin.lagging.percent";
    static final String ISSUER = "bulletin.issuer";
    static final String DEPARTMENTS = "bulletin.rankDepartments";
    static final String WITH_SCORE = "bulletin.withScore";

    /**
     * What the settings say. {@code issuer} empty means the default made from the city's name; {@code withScore}
     * adds the 考评排名 section (off unless asked for, so bulletins stay as they were).
     */
    public record Values(LaggingRule rule, String issuer, boolean rankDepartments, boolean withScore) {
        public Values {
            issuer = issuer == null ? "" : issuer.strip();
        }

        /** Without the 考评排名 section. */
        public Values(LaggingRule rule, String issuer, boolean rankDepartments) {
            this(rule, issuer, rankDepartments, false);
        }
    }

    private final UnitOfWork uow;
    private final SettingsRepository settings;
    private final AuditLog audit;

    public BulletinSettings(Repositories repos, UnitOfWork uow, AuditLog audit) {
        this.uow = uow;
        this.settings = repos.settings();
        this.audit = audit;
    }

    public Values load() {
        LaggingRule d = LaggingRule.DEFAULT;
        LaggingRule rule;
        try {
            LaggingRule.Kind kind = LaggingRule.Kind.valueOf(settings.get(LAGGING_KIND, d.kind().name()));
            rule = new LaggingRule(kind, number(LAGGING_COUNT, d.count()), number(LAGGING_PERCENT, d.percent()));
        } catch (IllegalArgumentException | LocalizedException e) {
            rule = d; // written by another tool: the default holds
        }
        return new Values(rule, settings.get(ISSUER, ""), Boolean.parseBoolean(settings.get(DEPARTMENTS, "true")),
                Boolean.parseBoolean(settings.get(WITH_SCORE, "false")));
    }

    /** Saves all bulletin settings together: all or none. */
    public void save(Values v) {
        uow.inTransaction(() -> {
            put(LAGGING_KIND, v.rule().kind().name());
            put(LAGGING_COUNT, String.valueOf(v.rule().count()));
            put(LAGGING_PERCENT, String.valueOf(v.rule().percent()));
            put(ISSUER, v.issuer());
            put(DEPARTMENTS, String.valueOf(v.rankDepartments()));
            put(WITH_SCORE, String.valueOf(v.withScore()));
            return null;
        });
    }

    /** The issuer printed in the masthead: the one set, else "宁德市生态环境保护督办秘书处" after the city. */
    public static String issuer(Values v, String city) {
        return v.issuer().isEmpty() ? BulletinText.tr("bulletin.doc.defaultIssuer", city) : v.issuer();
    }

    private int number(String key, int fallback) {
        try {
            return settings.get(key).map(s -> Integer.parseInt(s.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void put(String key, String value) {
        String old = settings.get(key).orElse(null);
        settings.put(key, value);
        audit.changed(AuditEntity.SETTING, 0, null, null, key, old, value);
    }
}
