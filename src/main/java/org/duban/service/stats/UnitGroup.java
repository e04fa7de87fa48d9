package org.duban.service.stats;

import org.duban.model.Unit;
import org.duban.model.UnitKind;

/**
 * Which units a per-unit chart or ranking lists. City documents rank the nine county-level units together with
 * 东侨经济技术开发区 ({@link #COUNTIES}); city departments are ranked among themselves, if at all.
 */
public enum UnitGroup {
    /** County-level units (区, 县级市, 县) and the development zone. */
    COUNTIES,
    /** City departments (市直部门). */
    CITY_DEPARTMENTS,
    /** Every unit of the roster. */
    ALL;

    public boolean contains(Unit unit) {
        return switch (this) {
            case COUNTIES -> unit.kind().isCountyLevel() || unit.kind() == UnitKind.DEVELOPMENT_ZONE;
            case CITY_DEPARTMENTS -> unit.kind() == UnitKind.CITY_DEPARTMENT;
            case ALL -> true;
        };
    }
}
