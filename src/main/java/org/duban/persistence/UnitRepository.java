package org.duban.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.jdbi.v3.core.Handle;

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
        return db.query(h -> {
            Map<Long, List<String>> aliases = new LinkedHashMap<>();
            h.createQuery("SELECT a.unit_id, a.alias FROM unit_alias a ORDER BY "
                            + JdbiSupport.insertionOrder(db, "a"))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> aliases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return h.createQuery("SELECT id, name, short_name, kind, sort_order, retired_on, merged_into "
                            + "FROM unit ORDER BY sort_order, id")
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        return new Unit(id, rs.getString(2), rs.getString(3), UnitKind.valueOf(rs.getString(4)),
                                aliases.getOrDefault(id, List.of()), rs.getInt(5), Rows.date(rs, 6),
                                Rows.nullableLong(rs, 7));
                    })
                    .list();
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
        db.update(h -> {
            int changed = h.createUpdate("UPDATE unit SET name = :name, short_name = :shortName, kind = :kind, "
                            + "sort_order = :sortOrder WHERE id = :id")
                    .bindMethods(unit)
                    .execute();
            if (changed != 1) {
                throw new PersistenceException("unit.error.gone", unit.name());
            }
            return null;
        });
    }

    /** Replaces a unit's aliases, keeping their order. */
    public void setAliases(long unitId, List<String> aliases) {
        db.update(h -> {
            h.createUpdate("DELETE FROM unit_alias WHERE unit_id = :unitId")
                    .bind("unitId", unitId)
                    .execute();
            insertAliases(h, unitId, aliases);
            return null;
        });
    }

    /** Retires a unit on a day (null: takes it back into the roster), merged into another or not. */
    public void setRetired(long unitId, LocalDate day, Long mergedInto) {
        db.update(h -> h.createUpdate("UPDATE unit SET retired_on = :day, merged_into = :mergedInto WHERE id = :id")
                .bindByType("day", day, LocalDate.class)
                .bindByType("mergedInto", day == null ? null : mergedInto, Long.class)
                .bind("id", unitId)
                .execute());
    }

    /** The next free place at the end of the roster. */
    public int nextSortOrder() {
        return db.query(h -> h.createQuery("SELECT coalesce(max(sort_order), 0) + 1 FROM unit")
                .mapTo(Integer.class)
                .one());
    }

    /** A unit's shares (task × unit) as (assignment id, task id, withdrawn or not), in task order. */
    public record Share(long assignmentId, long taskId, boolean withdrawn) {
    }

    public List<Share> shares(long unitId) {
        return db.query(h -> h.createQuery("SELECT id, task_id, "
                        + "CASE WHEN withdrawn_on IS NULL THEN 0 ELSE 1 END FROM assignment "
                        + "WHERE unit_id = :unitId ORDER BY task_id")
                .bind("unitId", unitId)
                .map((rs, ctx) -> new Share(rs.getLong(1), rs.getLong(2), rs.getInt(3) != 0))
                .list());
    }

    /** Hands one share to another unit (a merge): its records go with it. */
    public void moveShare(long assignmentId, long toUnitId) {
        db.update(h -> h.createUpdate("UPDATE assignment SET unit_id = :toUnitId WHERE id = :id")
                .bind("toUnitId", toUnitId)
                .bind("id", assignmentId)
                .execute());
    }

    public int count() {
        return db.query(h -> h.createQuery("SELECT count(*) FROM unit").mapTo(Integer.class).one());
    }

    /** Stores a new unit with its aliases and returns it with its id. */
    public Unit insert(Unit unit) {
        return db.update(h -> {
            long id = h.createQuery("INSERT INTO unit (name, short_name, kind, sort_order) "
                            + "VALUES (:name, :shortName, :kind, :sortOrder) RETURNING id")
                    .bindMethods(unit)
                    .mapTo(Long.class)
                    .one();
            insertAliases(h, id, unit.aliases());
            return unit.withId(id);
        });
    }

    /** Adds aliases in their order (one batch), which {@link #findAll} reads them back in. */
    private static void insertAliases(Handle h, long unitId, List<String> aliases) {
        if (aliases.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO unit_alias (unit_id, alias) VALUES (:unitId, :alias)");
        for (String alias : aliases) {
            batch.bind("unitId", unitId).bind("alias", alias).add();
        }
        batch.execute();
    }
}
