package org.duban.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The office's 考评 rule sets, one per day from which it applies. */
public final class ScoreRuleRepository {
    /** A stored rule set, as text. */
    public record Stored(long id, LocalDate effectiveFrom, String name, String rules, Instant createdAt) {
    }

    private final Database db;

    public ScoreRuleRepository(Database db) {
        this.db = db;
    }

    /** Every set, by the day it applies from. */
    public List<Stored> findAll() {
        return db.query(h -> h.createQuery("SELECT id, effective_from, name, rules, created_at "
                        + "FROM score_rule_set ORDER BY effective_from")
                .map(JdbiSupport.record(Stored.class))
                .list());
    }

    /** Stores the set for its day, replacing one stored for the same day. */
    public void put(LocalDate from, String name, String rules, Instant at) {
        db.update(h -> h.createUpdate("INSERT INTO score_rule_set (effective_from, name, rules, created_at) "
                        + "VALUES (:from, :name, :rules, :at) ON CONFLICT (effective_from) DO UPDATE SET "
                        + "name = excluded.name, rules = excluded.rules, created_at = excluded.created_at")
                .bind("from", from)
                .bind("name", name)
                .bind("rules", rules)
                .bind("at", at)
                .execute());
    }

    public void delete(LocalDate from) {
        db.update(h -> h.createUpdate("DELETE FROM score_rule_set WHERE effective_from = :from")
                .bind("from", from)
                .execute());
    }
}
