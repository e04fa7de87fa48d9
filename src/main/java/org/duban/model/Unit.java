package org.duban.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A responsible unit (责任单位): a county-level government, the development zone, a city department or another
 * body.
 *
 * @param id         database id (0 before it is stored)
 * @param name       full name as printed on handouts, e.g. 蕉城区
 * @param shortName  short name used in narrow columns and charts, e.g. 蕉城
 * @param kind       what sort of unit it is
 * @param aliases    other spellings met in real lists (蕉城区人民政府, 蕉城区委、区政府 ...)
 * @param sortOrder  position in the roster (the order of official documents)
 * @param retiredOn  the day it left the roster (停用), or null: a retired unit keeps its shares and history but
 *                   is offered for no new task
 * @param mergedInto the unit it was merged into (its shares went there; its names now mean that unit), or null
 */
public record Unit(long id, String name, String shortName, UnitKind kind, List<String> aliases, int sortOrder,
                   LocalDate retiredOn, Long mergedInto) {
    public Unit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(kind, "kind");
        aliases = List.copyOf(aliases);
    }

    /** A unit in service. */
    public Unit(long id, String name, String shortName, UnitKind kind, List<String> aliases, int sortOrder) {
        this(id, name, shortName, kind, aliases, sortOrder, null, null);
    }

    public Unit withId(long newId) {
        return new Unit(newId, name, shortName, kind, aliases, sortOrder, retiredOn, mergedInto);
    }

    /** Whether it has left the roster (retired, or merged into another unit). */
    public boolean retired() {
        return retiredOn != null;
    }
}
