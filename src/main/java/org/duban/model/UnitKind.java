package org.duban.model;

/** What sort of body a unit is. County-level units (区, 县级市, 县) are what "各县(市、区)" means. */
public enum UnitKind {
    DISTRICT,
    COUNTY_CITY,
    COUNTY,
    DEVELOPMENT_ZONE,
    CITY_DEPARTMENT;

    /** True for 区, 县级市 and 县: the units that "各县(市、区)" addresses. */
    public boolean isCountyLevel() {
        return this == DISTRICT || this == COUNTY_CITY || this == COUNTY;
    }
}
