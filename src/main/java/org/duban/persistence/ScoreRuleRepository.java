package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
        return db.read(c -> {
            List<Stored> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, effective_from, name, rules, created_at "
                    + "FROM score_rule_set ORDER BY effective_from");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Stored(rs.getLong(1), Rows.date(rs, 2), rs.getString(3), rs.getString(4),
                            Instant.parse(rs.getString(5))));
                }
            }
            return list;
        });
    }

    /** Stores the set for its day, replacing one stored for the same day. */
    public void put(LocalDate from, String name, String rules, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO score_rule_set (effective_from, name, rules, "
                    + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (effective_from) DO UPDATE SET name = excluded.name, "
                    + "rules = excluded.rules, created_at = excluded.created_at")) {
                Rows.setDate(ps, 1, from);
                ps.setString(2, name);
                ps.setString(3, rules);
                ps.setString(4, at.toString());
                return ps.executeUpdate();
            }
        });
    }

    public void delete(LocalDate from) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM score_rule_set WHERE effective_from = ?")) {
                Rows.setDate(ps, 1, from);
                return ps.executeUpdate();
            }
        });
    }
}
