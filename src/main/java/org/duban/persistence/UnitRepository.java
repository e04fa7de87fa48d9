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

/**
 * The roster of responsible units and their aliases. Units are never deleted: a unit that leaves the roster is
 * retired (or merged into another), so that every share, bulletin line and inspection keeps its unit.
 */
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
                 ResultSet rs = st.executeQuery("SELECT id, name, short_name, kind, sort_order, retired_on, merged_into "
                         + "FROM unit ORDER BY sort_order, id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    units.add(new Unit(id, rs.getString(2), rs.getString(3), UnitKind.valueOf(rs.getString(4)),
                            aliases.getOrDefault(id, List.of()), rs.getInt(5), Rows.date(rs, 6),
                            Rows.nullableLong(rs, 7)));
                }
            }
            return units;
        });
    }

    public Optional<Unit> findByName(String name) {
        return findAll().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<Unit> findById(long id) {
        return findAll().stream().filter(u -> u.id() == id).findFirst();
    }

    /** Writes a unit's name, short name, kind and order (its aliases are written by {@link #setAliases}). */
    public void update(Unit unit) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE unit SET name = ?, short_name = ?, kind = ?, sort_order = ? WHERE id = ?")) {
                ps.setString(1, unit.name());
                ps.setString(2, unit.shortName());
                ps.setString(3, unit.kind().name());
                ps.setInt(4, unit.sortOrder());
                ps.setLong(5, unit.id());
                if (ps.executeUpdate() != 1) {
                    throw new PersistenceException("unit.error.gone", unit.name());
                }
            }
            return null;
        });
    }

    /** Replaces a unit's aliases, keeping their order. */
    public void setAliases(long unitId, List<String> aliases) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM unit_alias WHERE unit_id = ?")) {
                ps.setLong(1, unitId);
                ps.executeUpdate();
            }
            Rows.batch(c, "INSERT INTO unit_alias (unit_id, alias) VALUES (?, ?)", aliases, (ps, alias) -> {
                ps.setLong(1, unitId);
                ps.setString(2, alias);
            });
            return null;
        });
    }

    /** Retires a unit on a day (null: takes it back into the roster), merged into another or not. */
    public void setRetired(long unitId, java.time.LocalDate day, Long mergedInto) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE unit SET retired_on = ?, merged_into = ? WHERE id = ?")) {
                Rows.setDate(ps, 1, day);
                Rows.setLong(ps, 2, day == null ? null : mergedInto);
                ps.setLong(3, unitId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The next free place at the end of the roster. */
    public int nextSortOrder() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(sort_order), 0) + 1 FROM unit")) {
                return rs.next() ? rs.getInt(1) : 1;
            }
        });
    }

    /** A unit's shares (task × unit) as (assignment id, task id, withdrawn or not), in task order. */
    public record Share(long assignmentId, long taskId, boolean withdrawn) {
    }

    public List<Share> shares(long unitId) {
        return db.read(c -> {
            List<Share> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, task_id, withdrawn_on IS NOT NULL "
                    + "FROM assignment WHERE unit_id = ? ORDER BY task_id")) {
                ps.setLong(1, unitId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Share(rs.getLong(1), rs.getLong(2), rs.getInt(3) != 0));
                    }
                }
            }
            return list;
        });
    }

    /** Hands one share to another unit (a merge): its records go with it. */
    public void moveShare(long assignmentId, long toUnitId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE assignment SET unit_id = ? WHERE id = ?")) {
                ps.setLong(1, toUnitId);
                ps.setLong(2, assignmentId);
                ps.executeUpdate();
            }
            return null;
        });
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
