package org.duban.model;

import java.util.List;
import java.util.Objects;

/**
 * A responsible unit (责任单位): a county-level government, the development zone or a city department.
 *
 * @param id        database id (0 before it is stored)
 * @param name      full name as printed on handouts, e.g. 蕉城区
 * @param shortName short name used in narrow columns and charts, e.g. 蕉城
 * @param kind      what sort of unit it is
 * @param aliases   other spellings met in real lists (蕉城区人民政府, 蕉城区委、区政府 ...)
 * @param sortOrder position in the roster (the order of official documents)
 */
public record Unit(long id, String name, String shortName, UnitKind kind, List<String> aliases, int sortOrder) {
    public Unit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(kind, "kind");
        aliases = List.copyOf(aliases);
    }

    public Unit withId(long newId) {
        return new Unit(newId, name, shortName, kind, aliases, sortOrder);
    }
}
