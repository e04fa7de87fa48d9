package org.duban.service.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;

/**
 * The unit roster of a ledger, the office's own to manage: add a unit, rename it, set its kind, short name (for
 * charts), aliases and place in the roster, retire it (it keeps its history and leaves new pick-lists) or take it
 * back, and merge two units (the shares of one go to the other). A new database starts with the default (Ningde)
 * roster.
 *
 * <p>Names stay unique across names, short names and aliases (compared as the resolver reads them: full-width
 * forms and spaces do not make a new name); a clash is refused naming the unit that has the name. Every change is
 * audited ({@link AuditEntity#UNIT}) and runs in a unit of work, which joins a caller's transaction: an import
 * can add the units a list names inside its own transaction, all or nothing.
 */
public final class RosterService {
    private final UnitOfWork uow;
    private final UnitRepository units;
    private final TaskRepository tasks;
    private final AuditLog audit;

    public RosterService(Repositories repos, UnitOfWork uow, AuditLog audit) {
        this.audit = audit;
        this.uow = uow;
        this.units = repos.units();
        this.tasks = repos.tasks();
    }

    /** Adds the default roster when the database has no units yet; returns how many units were added. */
    public int ensureDefaultRoster() {
        return uow.inTransaction(() -> {
            if (units.count() > 0) {
                return 0;
            }
            List<Unit> roster = DefaultRoster.units();
            roster.forEach(units::insert);
            return roster.size();
        });
    }

    /** Every unit in roster order, retired and merged ones too. */
    public List<Unit> all() {
        return units.findAll();
    }

    /** The units in service, in roster order: what pick-lists offer. */
    public List<Unit> inService() {
        return units.findAll().stream().filter(u -> !u.retired()).toList();
    }

    /** The unit a spelling names (full name, short name or alias; a merged unit's names give the unit it went into). */
    public Unit find(String spelling) {
        return new UnitResolver(units.findAll()).resolve(spelling)
                .orElseThrow(() -> new LocalizedException("unit.error.unknown", spelling));
    }

    /**
     * A unit to add.
     *
     * @param shortName blank: the name without its 区/县/市 ending (蕉城区 → 蕉城), or the name
     */
    public record NewUnit(String name, String shortName, UnitKind kind, List<String> aliases) {
        public NewUnit {
            Objects.requireNonNull(kind, "kind");
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** Adds a unit at the end of the roster. */
    public Unit add(NewUnit n) {
        String name = required(n.name());
        String shortName = n.shortName() == null || n.shortName().isBlank() ? defaultShortName(name) : n.shortName().strip();
        List<String> aliases = cleanAliases(n.aliases(), name);
        return uow.inTransaction(() -> {
            List<Unit> all = units.findAll();
            requireFree(all, 0, name);
            requireFree(all, 0, shortName);
            for (String a : aliases) {
                requireFree(all, 0, a);
            }
            Unit added = units.insert(new Unit(0, name, shortName, n.kind(), aliases, units.nextSortOrder()));
            audit.created(AuditEntity.UNIT, added.id(), null, added.id(), summary(added));
            return added;
        });
    }

    /**
     * Renames a unit. The old name is kept as an alias, so that lists written before the change still find it
     * (unless {@code keepOldName} is false).
     */
    public Unit rename(long unitId, String newName, boolean keepOldName) {
        String name = required(newName);
        return uow.inTransaction(() -> {
            List<Unit> all = units.findAll();
            Unit u = byId(all, unitId);
            if (u.name().equals(name)) {
                return u;
            }
            requireFree(all, unitId, name);
            List<String> aliases = new ArrayList<>(u.aliases());
            aliases.removeIf(a -> UnitResolver.key(a).equals(UnitResolver.key(name)));
            if (keepOldName && aliases.stream().noneMatch(a -> a.equals(u.name()))) {
                aliases.add(0, u.name());
            }
            Unit renamed = new Unit(u.id(), name, u.shortName(), u.kind(), aliases, u.sortOrder(), u.retiredOn(),
                    u.mergedInto());
            units.update(renamed);
            units.setAliases(unitId, aliases);
            audit.changed(AuditEntity.UNIT, unitId, null, unitId, "name", u.name(), name);
            audit.changed(AuditEntity.UNIT, unitId, null, unitId, "aliases", String.join("；", u.aliases()),
                    String.join("；", aliases));
            return renamed;
        });
    }

    /** Sets a unit's short name (the one charts print). */
    public Unit setShortName(long unitId, String shortName) {
        String s = required(shortName);
        return uow.inTransaction(() -> {
            List<Unit> all = units.findAll();
            Unit u = byId(all, unitId);
            if (!UnitResolver.key(s).equals(UnitResolver.key(u.name()))) {
                requireFree(all, unitId, s);
            }
            Unit changed = new Unit(u.id(), u.name(), s, u.kind(), u.aliases(), u.sortOrder(), u.retiredOn(),
                    u.mergedInto());
            units.update(changed);
            audit.changed(AuditEntity.UNIT, unitId, null, unitId, "shortName", u.shortName(), s);
            return changed;
        });
    }

    /** Sets what sort of unit it is (县（市、区）, 开发区, 市直部门, 其他). */
    public Unit setKind(long unitId, UnitKind kind) {
        Objects.requireNonNull(kind, "kind");
        return uow.inTransaction(() -> {
            Unit u = byId(units.findAll(), unitId);
            Unit changed = new Unit(u.id(), u.name(), u.shortName(), kind, u.aliases(), u.sortOrder(), u.retiredOn(),
                    u.mergedInto());
            units.update(changed);
            audit.changed(AuditEntity.UNIT, unitId, null, unitId, "kind", u.kind(), kind);
            return changed;
        });
    }

    /** Replaces a unit's aliases (other spellings met in lists); each must be free. */
    public Unit setAliases(long unitId, List<String> aliases) {
        return uow.inTransaction(() -> {
            List<Unit> all = units.findAll();
            Unit u = byId(all, unitId);
            List<String> clean = cleanAliases(aliases, u.name());
            for (String a : clean) {
                requireFree(all, unitId, a);
            }
            units.setAliases(unitId, clean);
            audit.changed(AuditEntity.UNIT, unitId, null, unitId, "aliases", String.join("；", u.aliases()),
                    String.join("；", clean));
            return new Unit(u.id(), u.name(), u.shortName(), u.kind(), clean, u.sortOrder(), u.retiredOn(),
                    u.mergedInto());
        });
    }

    /** Adds aliases to a unit (the ones it has already are left as they are). */
    public Unit addAliases(long unitId, List<String> more) {
        Unit u = byId(units.findAll(), unitId);
        List<String> all = new ArrayList<>(u.aliases());
        for (String a : more) {
            String s = a == null ? "" : a.strip();
            if (!s.isEmpty() && all.stream().noneMatch(x -> UnitResolver.key(x).equals(UnitResolver.key(s)))) {
                all.add(s);
            }
        }
        return setAliases(unitId, all);
    }

    /**
     * Puts the roster in this order (handouts, charts, bulletins and pick-lists follow it); units not listed keep
     * their places after the listed ones.
     */
    public void reorder(List<Long> unitIds) {
        uow.inTransaction(() -> {
            List<Unit> all = units.findAll();
            List<Long> order = new ArrayList<>(new LinkedHashSet<>(unitIds));
            all.stream().map(Unit::id).filter(id -> !order.contains(id)).forEach(order::add);
            Map<Long, Unit> byId = new HashMap<>();
            all.forEach(u -> byId.put(u.id(), u));
            for (int i = 0; i < order.size(); i++) {
                Unit u = byId.get(order.get(i));
                if (u == null) {
                    throw new LocalizedException("unit.error.gone", order.get(i));
                }
                if (u.sortOrder() != i + 1) {
                    units.update(new Unit(u.id(), u.name(), u.shortName(), u.kind(), u.aliases(), i + 1, u.retiredOn(),
                            u.mergedInto()));
                    audit.changed(AuditEntity.UNIT, u.id(), null, u.id(), "sortOrder", u.sortOrder(), i + 1);
                }
            }
            return null;
        });
    }

    /** Moves a unit one place up (-1) or down (+1) in the roster. */
    public void move(long unitId, int step) {
        List<Long> ids = new ArrayList<>(units.findAll().stream().map(Unit::id).toList());
        int i = ids.indexOf(unitId);
        int j = i + step;
        if (i < 0 || j < 0 || j >= ids.size()) {
            return;
        }
        ids.set(i, ids.get(j));
        ids.set(j, unitId);
        reorder(ids);
    }

    /**
     * Retires a unit on {@code day}: it keeps its shares, reports and history, and is offered for no new task
     * (a list or form that gives it a new share is refused, naming it).
     */
    public Unit retire(long unitId, LocalDate day) {
        return uow.inTransaction(() -> {
            Unit u = byId(units.findAll(), unitId);
            if (u.retired()) {
                throw new LocalizedException("unit.error.alreadyRetired", u.name(), u.retiredOn());
            }
            units.setRetired(unitId, day, null);
            audit.changed(AuditEntity.UNIT, unitId, null, unitId, "retiredOn", null, day);
            return byId(units.findAll(), unitId);
        });
    }

    /** Takes a retired unit back into the roster (not a merged one: its shares went to another unit). */
    public Unit reinstate(long unitId) {
        return uow.inTransaction(() -> {
            Unit u = byId(units.findAll(), unitId);
            if (u.mergedInto() != null) {
                throw new LocalizedException("unit.error.mergedCannotReturn", u.name(),
                        byId(units.findAll(), u.mergedInto()).name());
            }
            if (!u.retired()) {
                return u;
            }
            units.setRetired(unitId, null, null);
            audit.changed(AuditEntity.UNIT, unitId, null, unitId, "retiredOn", u.retiredOn(), null);
            return byId(units.findAll(), unitId);
        });
    }

    /** What merging one unit into another did. */
    public record Merge(Unit from, Unit into, int moved, int withdrawn) {
    }

    /**
     * Merges {@code fromId} into {@code intoId} (an institutional reform, or a unit entered twice): each share of
     * the first goes to the second with all its records; where both held a share of the same task, the second's
     * stays and the first's is withdrawn (kept, greyed, counted nowhere). The first unit is retired, merged: its
     * names and aliases now mean the second, and its bulletin lines, meetings and inspections keep it as it was.
     */
    public Merge merge(long fromId, long intoId) {
        if (fromId == intoId) {
            throw new LocalizedException("unit.error.mergeSelf");
        }
        return uow.inTransaction(() -> {
            List<Unit> all = units.findAll();
            Unit from = byId(all, fromId);
            Unit into = byId(all, intoId);
            if (from.mergedInto() != null) {
                throw new LocalizedException("unit.error.alreadyMerged", from.name());
            }
            if (into.retired()) {
                throw new LocalizedException("unit.error.mergeIntoRetired", into.name());
            }
            java.util.Set<Long> intoTasks = new java.util.HashSet<>();
            units.shares(intoId).forEach(s -> intoTasks.add(s.taskId()));
            LocalDate today = audit.today();
            int moved = 0;
            int withdrawn = 0;
            for (UnitRepository.Share s : units.shares(fromId)) {
                if (intoTasks.contains(s.taskId())) {
                    if (!s.withdrawn()) {
                        tasks.setWithdrawn(s.assignmentId(), today, null);
                        audit.changed(AuditEntity.ASSIGNMENT, s.assignmentId(), s.taskId(), fromId, "withdrawnOn", null,
                                today);
                        withdrawn++;
                    }
                    continue;
                }
                units.moveShare(s.assignmentId(), intoId);
                audit.changed(AuditEntity.ASSIGNMENT, s.assignmentId(), s.taskId(), intoId, "unitId", fromId, intoId);
                moved++;
            }
            units.setRetired(fromId, from.retired() ? from.retiredOn() : today, intoId);
            if (!from.retired()) {
                audit.changed(AuditEntity.UNIT, fromId, null, fromId, "retiredOn", null, today);
            }
            audit.changed(AuditEntity.UNIT, fromId, null, fromId, "mergedInto", null, into.name());
            return new Merge(from, into, moved, withdrawn);
        });
    }

    /**
     * One row of the roster as the settings screen edits it.
     *
     * @param unitId    the unit, or null for a unit to add
     * @param retired   whether it is (to be) retired
     * @param mergeInto the unit to merge it into, or null
     */
    public record Draft(Long unitId, String name, String shortName, UnitKind kind, List<String> aliases,
                        boolean retired, Long mergeInto) {
        public Draft {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** What saving the roster screen did. */
    public record Applied(int added, int changed, int retired, int merged) {
    }

    /**
     * Saves the roster screen's rows in one transaction, all or nothing: new units added, each change made (a
     * renamed unit keeps its old name as an alias), units retired or taken back, merges done, and the roster put in
     * the rows' order. A clash or a wrong merge is refused with its message and nothing is saved.
     */
    public Applied apply(List<Draft> drafts, LocalDate day) {
        return uow.inTransaction(() -> {
            Map<Long, Unit> now = new HashMap<>();
            units.findAll().forEach(u -> now.put(u.id(), u));
            List<Long> order = new ArrayList<>();
            int added = 0;
            int changed = 0;
            int retired = 0;
            int merged = 0;
            for (Draft d : drafts) {
                if (d.unitId() == null) {
                    Unit u = add(new NewUnit(d.name(), d.shortName(), d.kind(), d.aliases()));
                    order.add(u.id());
                    added++;
                    if (d.retired()) {
                        retire(u.id(), day);
                    }
                    continue;
                }
                Unit u = now.get(d.unitId());
                if (u == null) {
                    throw new LocalizedException("unit.error.gone", d.name());
                }
                order.add(u.id());
                if (u.mergedInto() != null) {
                    continue; // a merged unit is history: nothing to edit
                }
                boolean any = false;
                if (!u.aliases().equals(d.aliases())) {
                    setAliases(u.id(), d.aliases());
                    any = true;
                }
                if (!u.name().equals(d.name() == null ? "" : d.name().strip())) {
                    rename(u.id(), d.name(), true);
                    any = true;
                }
                if (d.shortName() != null && !u.shortName().equals(d.shortName().strip())) {
                    setShortName(u.id(), d.shortName());
                    any = true;
                }
                if (d.kind() != null && u.kind() != d.kind()) {
                    setKind(u.id(), d.kind());
                    any = true;
                }
                if (d.retired() && !u.retired() && d.mergeInto() == null) {
                    retire(u.id(), day);
                    retired++;
                } else if (!d.retired() && u.retired()) {
                    reinstate(u.id());
                    any = true;
                }
                changed += any ? 1 : 0;
            }
            for (Draft d : drafts) {
                if (d.unitId() != null && d.mergeInto() != null) {
                    merge(d.unitId(), d.mergeInto());
                    merged++;
                }
            }
            reorder(order);
            return new Applied(added, changed, retired, merged);
        });
    }

    /** The unit with this id, or a message that it is gone. */
    public Unit byId(long unitId) {
        return byId(units.findAll(), unitId);
    }

    private static Unit byId(List<Unit> all, long id) {
        return all.stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new LocalizedException("unit.error.gone", id));
    }

    /** Refuses a spelling that another unit already has as its name, short name or alias. */
    private static void requireFree(List<Unit> all, long exceptUnitId, String spelling) {
        String k = UnitResolver.key(spelling);
        for (Unit u : all) {
            if (u.id() == exceptUnitId) {
                continue;
            }
            boolean taken = UnitResolver.key(u.name()).equals(k) || UnitResolver.key(u.shortName()).equals(k)
                    || u.aliases().stream().anyMatch(a -> UnitResolver.key(a).equals(k));
            if (taken) {
                throw new LocalizedException("unit.error.nameTaken", spelling.strip(), u.name());
            }
        }
    }

    private static String required(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new LocalizedException("unit.error.nameRequired");
        }
        if (n.length() > 60) {
            throw new LocalizedException("unit.error.nameTooLong", n.length(), 60);
        }
        return n;
    }

    private static List<String> cleanAliases(List<String> aliases, String name) {
        List<String> list = new ArrayList<>();
        for (String a : aliases) {
            String s = a == null ? "" : a.strip();
            if (!s.isEmpty() && !UnitResolver.key(s).equals(UnitResolver.key(name))
                    && list.stream().noneMatch(x -> UnitResolver.key(x).equals(UnitResolver.key(s)))) {
                list.add(s);
            }
        }
        return list;
    }

    /** 蕉城区 → 蕉城, 福安市 → 福安, 市水利局 → 水利局; anything else stays whole. */
    static String defaultShortName(String name) {
        if (name.length() >= 3 && name.matches(".+[区县市]") && !name.startsWith("市")) {
            return name.substring(0, name.length() - 1);
        }
        if (name.startsWith("市") && name.length() > 2) {
            return name.substring(1);
        }
        return name;
    }

    private static String summary(Unit u) {
        return u.name() + "（" + u.shortName() + "，" + u.kind().name()
                + (u.aliases().isEmpty() ? "" : "；" + String.join("；", u.aliases())) + "）";
    }
}
