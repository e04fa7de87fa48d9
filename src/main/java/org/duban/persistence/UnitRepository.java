package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.Unit;
import org.duban.model.UnitKind;

/** The roster of responsible units and their aliases. */
public final class UnitRepository {
    private final Database db;

    public UnitRepository(Database db) {
        this.db = db;
    }

    /** Every unit in roster order. */
    public List<Unit> findAll() {
        return db.read(c -> {
            Map<Long, List<String>> aliases = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT unit_id, alias FROM unit_alias ORDER BY rowid")) {
                while (rs.next()) {
                    aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<Unit> units = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT id, name, short_name, kind, sort_order FROM unit ORDER BY sort_order, id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    units.add(new Unit(id, rs.getString(2), rs.getString(3), UnitKind.valueOf(rs.getString(4)),
                            aliases.getOrDefault(id, List.of()), rs.getInt(5)));
                }
            }
            return units;
        });
    }

    public Optional<Unit> findByName(String name) {
        return findAll().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public int count() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM unit")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Stores a new unit with its aliases and returns it with its id. */
    public Unit insert(Unit unit) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO unit (name, short_name, kind, sort_order) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, unit.name());
                ps.setString(2, unit.shortName());
                ps.setString(3, unit.kind().name());
                ps.setInt(4, unit.sortOrder());
                id = Rows.insert(ps);
            }
            long unitId = id;
            Rows.batch(c, "INSERT INTO unit_alias (unit_id, alias) VALUES (?, ?)", unit.aliases(), (ps, alias) -> {
                ps.setLong(1, unitId);
                ps.setString(2, alias);
            });
            return unit.withId(id);
        });
    }
}
