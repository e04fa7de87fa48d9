package org.duban.persistence;

import java.util.Optional;

/** Settings that belong to one ledger (city name, thresholds ...), kept in its database. */
public final class SettingsRepository {
    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.query(h -> h.createQuery("SELECT value FROM setting WHERE key = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public void put(String key, String value) {
        db.update(h -> h.createUpdate("INSERT INTO setting (key, value) VALUES (:key, :value) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .bind("key", key)
                .bind("value", value)
                .execute());
    }
}
