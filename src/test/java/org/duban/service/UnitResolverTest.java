package org.duban.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.duban.model.Unit;
import org.duban.service.units.DefaultRoster;
import org.duban.service.units.UnitResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnitResolverTest {
    private static final List<Unit> ROSTER;

    static {
        AtomicLong id = new AtomicLong();
        ROSTER = DefaultRoster.units().stream().map(u -> u.withId(id.incrementAndGet())).toList();
    }

    private final UnitResolver resolver = new UnitResolver(ROSTER);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "蕉城区, 蕉城区",
        "蕉城, 蕉城区",
        "蕉城区人民政府, 蕉城区",
        "蕉城区委、区政府, 蕉城区",
        "蕉城区委, 蕉城区",
        "福安市委、市政府, 福安市",
        "福安市人民政府, 福安市",
        "霞浦县政府, 霞浦县",
        "东侨开发区, 东侨经济技术开发区",
        "东侨经开区, 东侨经济技术开发区",
        "东侨, 东侨经济技术开发区",
        "东侨经济技术开发区管委会, 东侨经济技术开发区",
        "宁德市生态环境局, 市生态环境局",
        "市住建局, 市住房和城乡建设局",
        "市海渔局, 市海洋与渔业局",
        "' 古田县 ', 古田县",
    })
    void readsCommonSpellings(String spelling, String expected) {
        assertEquals(expected, resolver.resolve(spelling).orElseThrow().name());
    }

    @Test
    void unknownSpellingIsEmpty() {
        assertTrue(resolver.resolve("上海市").isEmpty());
        assertTrue(resolver.resolve("").isEmpty());
    }

    @Test
    void allCountiesMeansTheNineCountyLevelUnits() {
        for (String cell : List.of("各县(市、区)", "各县（市、区）", "各县市区")) {
            UnitResolver.Resolution r = resolver.resolveList(cell);
            assertTrue(r.ok(), cell);
            assertEquals(9, r.units().size(), cell);
            assertTrue(r.units().stream().allMatch(u -> u.kind().isCountyLevel()));
        }
    }

    @Test
    void allCountiesPlusTheZone() {
        UnitResolver.Resolution r = resolver.resolveList("各县(市、区)、东侨开发区");
        assertEquals(10, r.units().size());
        assertTrue(r.unknown().isEmpty());
    }

    @Test
    void severalUnitsWithMixedSeparatorsInRosterOrder() {
        UnitResolver.Resolution r = resolver.resolveList("霞浦县，蕉城区人民政府;福安市／霞浦县\n柘荣");
        assertEquals(List.of("蕉城区", "福安市", "霞浦县", "柘荣县"), r.units().stream().map(Unit::name).toList());
        assertTrue(r.ok());
    }

    @Test
    void unknownNamesAreReported() {
        UnitResolver.Resolution r = resolver.resolveList("蕉城区、火星区、月球县");
        assertEquals(List.of("火星区", "月球县"), r.unknown());
        assertEquals(1, r.units().size());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "蕉城区委、区政府|蕉城区",
        "福安市委、市人民政府|福安市",
        "东侨经济技术开发区党工委、管委会|东侨经济技术开发区",
        "福鼎市（牵头）|福鼎市",
        "霞浦县、及东侨开发区|霞浦县、东侨经济技术开发区",
        "古田县(配合)|古田县"})
    void listCellsAsOfficesWriteThem(String cell, String expected) {
        var r = resolver.resolveList(cell);
        assertTrue(r.unknown().isEmpty(), r.unknown().toString());
        assertEquals(expected, String.join("、", r.units().stream().map(Unit::name).toList()));
    }

    @Test
    void allCountiesWithGovernmentSuffixStillMeansTheNineCounties() {
        for (String cell : List.of("各县(市、区)人民政府", "各县（市、区）党委、政府", "各县（区、市）")) {
            var r = resolver.resolveList(cell);
            assertTrue(r.ok(), cell + " " + r.unknown());
            assertEquals(9, r.units().size(), cell);
        }
    }
}
