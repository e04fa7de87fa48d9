package org.duban.service.units;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.duban.model.Unit;

/**
 * Reads unit names as people write them: full names, short names, aliases from the roster, and the usual
 * decorations (人民政府, 委、政府, 党工委, 管委会, a leading 宁德市). "各县(市、区)" means every county-level unit in
 * service. A merged unit's names mean the unit it was merged into.
 */
public final class UnitResolver {
    /** Separators between several units in one cell. */
    public static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；/／\\n\\r]+");
    private static final Pattern ALL_COUNTIES = Pattern.compile(
            "(?:各县[(（]?市、?区[)）]?|各县[(（]?区、?市[)）]?|各县市区|各县区|各县市)"
            + "(?:党委[、,，]?政府|人民政府|党委|政府)?");
    /** "蕉城区委、区政府", "福安市委、市人民政府": one unit written as its party committee and government. */
    private static final Pattern COMMITTEE_AND_GOVERNMENT =
            Pattern.compile("([\\p{IsHan}]{1,12}?)([区市县])委[、,，]\\s*\\2?(?:人民)?政府");
    /** "东侨经济技术开发区党工委、管委会". */
    private static final Pattern ZONE_COMMITTEES = Pattern.compile("([\\p{IsHan}]{2,20}?)党工委[、,，]\\s*管委会");
    private static final Pattern NOTE_IN_BRACKETS = Pattern.compile("[(（][^()（）]*[)）]$");
    private static final String[] SUFFIXES = {
        "人民政府", "委、区政府", "委、市政府", "委、县政府", "委区政府", "委市政府", "委县政府",
        "党工委", "管委会", "党委", "政府", "委"
    };

    private final List<Unit> units;
    private final Map<String, Unit> byKey = new HashMap<>();
    /** Cells already read: an import's unit cells repeat ("各县（市、区）" on hundreds of rows). */
    private final Map<String, Resolution> lists = new ConcurrentHashMap<>();

    /**
     * @param units the whole roster: units in service, retired units (still read, so that tasks that have them
     *              keep them; the task validator refuses them for new shares) and merged units, whose names and
     *              aliases now mean the unit they were merged into
     */
    public UnitResolver(List<Unit> units) {
        this.units = List.copyOf(units);
        Map<Long, Unit> byId = new HashMap<>();
        this.units.forEach(u -> byId.put(u.id(), u));
        List<Unit> inService = this.units.stream().filter(u -> !u.retired()).toList();
        for (Unit u : inService) {
            names(u, u);
        }
        for (Unit u : this.units) {
            if (u.mergedInto() != null && byId.containsKey(u.mergedInto())) {
                names(u, target(byId, u));
            }
        }
        for (Unit u : this.units) {
            if (u.retired() && u.mergedInto() == null) {
                names(u, u);
            }
        }
        for (Unit u : inService) {
            byKey.putIfAbsent(key(u.shortName()), u); // short names last: they must not shadow a full name
        }
        for (Unit u : this.units) {
            if (u.retired()) {
                byKey.putIfAbsent(key(u.shortName()), u.mergedInto() != null && byId.containsKey(u.mergedInto())
                        ? target(byId, u) : u);
            }
        }
    }

    private void names(Unit spelledAs, Unit meaning) {
        byKey.putIfAbsent(key(spelledAs.name()), meaning);
        for (String alias : spelledAs.aliases()) {
            byKey.putIfAbsent(key(alias), meaning);
        }
    }

    /** The unit a merged unit's names now mean (following a chain of merges). */
    private static Unit target(Map<Long, Unit> byId, Unit u) {
        Unit t = u;
        for (int i = 0; i < 20 && t.mergedInto() != null && byId.containsKey(t.mergedInto()); i++) {
            t = byId.get(t.mergedInto());
        }
        return t;
    }

    public List<Unit> units() {
        return units;
    }

    /** The unit that this spelling names, if any. */
    public Optional<Unit> resolve(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String k = key(spelling);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Unit hit = byKey.get(k);
        if (hit != null) {
            return Optional.of(hit);
        }
        String bare = k.startsWith("宁德市") && k.length() > 3 ? "市" + k.substring(3) : k;
        hit = byKey.get(bare);
        if (hit != null) {
            return Optional.of(hit);
        }
        for (String suffix : SUFFIXES) {
            if (bare.endsWith(suffix) && bare.length() > suffix.length()) {
                String stem = bare.substring(0, bare.length() - suffix.length());
                hit = byKey.get(stem);
                if (hit == null && !stem.isEmpty()) {
                    hit = byKey.get(stem.substring(0, stem.length() - 1)); // 蕉城区委 → 蕉城区 → 蕉城
                }
                if (hit != null) {
                    return Optional.of(hit);
                }
            }
        }
        return Optional.empty();
    }

    /** The result of reading a cell that may name several units. */
    public record Resolution(List<Unit> units, List<String> unknown) {
        public boolean ok() {
            return unknown.isEmpty() && !units.isEmpty();
        }
    }

    /**
     * Reads "蕉城区、福安市人民政府，霞浦县" or "各县(市、区)" into units (roster order, no duplicates) and the
     * spellings that name no unit.
     */
    public Resolution resolveList(String cell) {
        if (cell == null) {
            return new Resolution(List.of(), List.of());
        }
        return lists.computeIfAbsent(cell, this::readList);
    }

    private Resolution readList(String cell) {
        Set<Unit> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        String text = Normalizer.normalize(cell, Normalizer.Form.NFKC);
        text = ZONE_COMMITTEES.matcher(COMMITTEE_AND_GOVERNMENT.matcher(text).replaceAll("$1$2")).replaceAll("$1");
        var all = ALL_COUNTIES.matcher(text);
        if (all.find()) {
            units.stream().filter(u -> u.kind().isCountyLevel() && !u.retired()).forEach(found::add);
            text = all.replaceAll("、");
        }
        for (String part : LIST_SEPARATORS.split(text)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            resolveDecorated(p).ifPresentOrElse(found::add, () -> unknown.add(p));
        }
        List<Unit> ordered = units.stream().filter(found::contains).toList();
        return new Resolution(ordered, List.copyOf(unknown));
    }

    /**
     * A part of a list cell, also when it carries a note in brackets ("蕉城区（牵头）") or starts with a joining
     * word ("及东侨开发区").
     */
    private Optional<Unit> resolveDecorated(String part) {
        Optional<Unit> hit = resolve(part);
        String p = part;
        while (hit.isEmpty() && NOTE_IN_BRACKETS.matcher(p).find()) {
            p = NOTE_IN_BRACKETS.matcher(p).replaceFirst("").strip();
            hit = resolve(p);
        }
        if (hit.isEmpty() && p.length() > 1 && "及和与".indexOf(p.charAt(0)) >= 0) {
            hit = resolve(p.substring(1));
        }
        return hit;
    }

    /** A spelling as the resolver compares it: NFKC, no spaces, full-width brackets. */
    public static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replace('(', '（').replace(')', '）');
    }
}
