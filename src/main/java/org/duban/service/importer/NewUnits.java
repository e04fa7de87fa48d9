package org.duban.service.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.service.units.UnitResolver;

/**
 * Units a list names that the roster does not know (市应急管理局, 市市场监督管理局 …): the dry run lists each once with its
 * rows, and the user may add them to the roster with the import ({@link ImportOptions#newUnits()}), in the same
 * transaction. Until then the planner reads them as units that would be added, so the plan shows the import as it
 * would be.
 */
public final class NewUnits {
    private NewUnits() {
    }

    /**
     * The kind a name most likely is: 市…局/委/办 a city department, …开发区/园区/新区 a development zone, …县/区/市 a
     * county-level unit, else 其他. The user can change it.
     */
    public static UnitKind guessKind(String name) {
        String n = name.strip();
        if (n.contains("开发区") || n.contains("园区") || n.contains("新区") || n.contains("管委会")) {
            return UnitKind.DEVELOPMENT_ZONE;
        }
        if (n.startsWith("市") || n.matches(".*(局|委|办|中心|院|所|站|队|处)$")) {
            return n.matches(".*(局|委|办|委员会|办公室|中心|院|支队)$") ? UnitKind.CITY_DEPARTMENT : UnitKind.OTHER;
        }
        if (n.endsWith("县")) {
            return UnitKind.COUNTY;
        }
        if (n.endsWith("区")) {
            return UnitKind.DISTRICT;
        }
        if (n.endsWith("市")) {
            return UnitKind.COUNTY_CITY;
        }
        return UnitKind.OTHER;
    }

    /** The roster with the chosen new units added after it (ids below 0), as the plan reads them. */
    static UnitResolver withAdded(UnitResolver roster, Map<String, UnitKind> added) {
        List<Unit> units = new ArrayList<>(roster.units());
        int order = units.stream().mapToInt(Unit::sortOrder).max().orElse(0);
        long id = 0;
        for (var e : added.entrySet()) {
            String name = e.getKey().strip();
            if (name.isEmpty() || roster.resolve(name).isPresent()) {
                continue;
            }
            units.add(new Unit(--id, name, name, e.getValue() == null ? guessKind(name) : e.getValue(), List.of(),
                    ++order, null, null));
        }
        return id == 0 ? roster : new UnitResolver(units);
    }
}
