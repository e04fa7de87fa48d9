package org.duban.model;

/**
 * What sort of body a unit is. County-level units (区, 县级市, 县) are what "各县(市、区)" means; the roster screen
 * offers them as 县（市、区）, beside 开发区, 市直部门 and 其他.
 */
public enum UnitKind {
    DISTRICT,
    COUNTY_CITY,
    COUNTY,
    DEVELOPMENT_ZONE,
    CITY_DEPARTMENT,
    /** Anything else: a provincial body stationed in the city, a state company, a committee ... */
    OTHER;

    /** True for 区, 县级市 and 县: the units that "各县(市、区)" addresses. */
    public boolean isCountyLevel() {
        return this == DISTRICT || this == COUNTY_CITY || this == COUNTY;
    }

    /** Bundle key of the kind's name (unit.kind.DISTRICT ...). */
    public String labelKey() {
        return "unit.kind." + name();
    }
}
