package org.duban.service.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.duban.model.Unit;
import org.duban.model.UnitKind;

/**
 * Draws the task list of a generated meeting: sources and categories in the mix of real lists, one to a few units
 * per task, 各县(市、区) tasks that go to all nine county-level units, deadline phrases of every kind the program
 * reads (dates, 月底前, 季度, 上半年, 年底前, 立行立改, 长期坚持), 配合单位, 责任领导 and 挂牌督办 in 备注.
 */
final class TaskDrafter {
    private final Random rnd;
    private final LocalDate held;
    private final List<Unit> counties;
    private final List<Unit> local;
    private final List<Unit> departments;

    TaskDrafter(Random rnd, List<Unit> roster, LocalDate held) {
        this.rnd = rnd;
        this.held = held;
        this.counties = roster.stream().filter(u -> u.kind() == UnitKind.DISTRICT || u.kind() == UnitKind.COUNTY_CITY
                || u.kind() == UnitKind.COUNTY).toList();
        this.local = roster.stream().filter(u -> u.kind() != UnitKind.CITY_DEPARTMENT).toList();
        this.departments = roster.stream().filter(u -> u.kind() == UnitKind.CITY_DEPARTMENT).toList();
        if (local.isEmpty()) {
            throw new IllegalArgumentException("the roster has no county-level unit");
        }
    }

    TaskDraft draw(int seq) {
        String source = PhraseBank.SOURCES[PhraseBank.pickWeighted(rnd, PhraseBank.SOURCE_WEIGHTS)];
        PhraseBank.Category c = PhraseBank.CATEGORIES[rnd.nextInt(PhraseBank.CATEGORIES.length)];
        String problem = PhraseBank.problem(rnd, c);
        String target = PhraseBank.target(rnd, c);
        List<String> steps = PhraseBank.measures(rnd, c);
        List<Unit> units = units();
        String supporting = supporting(units);
        String leader = units.size() == counties.size() && units.containsAll(counties)
                ? "各县（市、区）政府主要负责同志" : PhraseBank.pick(rnd, PhraseBank.LEADERS);
        String remarks = remarks(source);
        return new TaskDraft(seq, source, c.name(), problem, target, steps, PhraseBank.numbered(steps), leader,
                supporting, deadline(), remarks, units.stream().map(Unit::id).toList());
    }

    /** Mostly one unit; some shared by a few; about one in eight goes to 各县(市、区). */
    private List<Unit> units() {
        int kind = rnd.nextInt(100);
        List<Unit> chosen = new ArrayList<>();
        if (kind < 12) {
            chosen.addAll(counties);
        } else if (kind < 42 || departments.isEmpty()) {
            chosen.add(local.get(rnd.nextInt(local.size())));
        } else if (kind < 62) {
            chosen.add(departments.get(rnd.nextInt(departments.size())));
        } else if (kind < 90) {
            pickDistinct(local, 2 + rnd.nextInt(3), chosen);
        } else {
            chosen.add(departments.get(rnd.nextInt(departments.size())));
            pickDistinct(local, 1 + rnd.nextInt(3), chosen);
        }
        return chosen.stream().sorted(Comparator.comparingInt(Unit::sortOrder)).toList();
    }

    private void pickDistinct(List<Unit> from, int n, List<Unit> into) {
        List<Unit> pool = new ArrayList<>(from);
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            into.add(pool.remove(rnd.nextInt(pool.size())));
        }
    }

    /** 配合单位: none, or one or two city departments that are not responsible themselves. */
    private String supporting(List<Unit> responsible) {
        if (departments.isEmpty() || rnd.nextInt(3) == 0) {
            return "";
        }
        List<Unit> pool = new ArrayList<>(departments);
        pool.removeAll(responsible);
        List<Unit> picked = new ArrayList<>();
        pickDistinct(pool, 1 + rnd.nextInt(2), picked);
        return picked.stream().sorted(Comparator.comparingInt(Unit::sortOrder)).map(Unit::name)
                .collect(Collectors.joining("、"));
    }

    private String remarks(String source) {
        int r = rnd.nextInt(100);
        if (r < 4) {
            return "挂牌督办";
        }
        if (r < 8 && source.equals("举一反三")) {
            return "同类问题一并排查整改";
        }
        return r < 12 ? "纳入年度绩效考核" : "";
    }

    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    /** A deadline two to twenty months after the meeting, in one of the ways lists write it. */
    private String deadline() {
        int r = rnd.nextInt(100);
        if (r < 5) {
            return "立行立改";
        }
        if (r < 12) {
            return "长期坚持";
        }
        if (r < 15) {
            return "立行立改，长期坚持";
        }
        YearMonth ym = YearMonth.from(held).plusMonths(2 + rnd.nextInt(19));
        int q = (ym.getMonthValue() - 1) / 3;
        return switch (rnd.nextInt(7)) {
            case 0 -> ym.getYear() + "年" + ym.getMonthValue() + "月底前";
            case 1 -> ym.getYear() + "年底前";
            case 2 -> ym.getYear() + "年第" + QUARTERS[q] + "季度";
            case 3 -> ym.getYear() + "年" + QUARTERS[q] + "季度末";
            case 4 -> ym.getYear() + "年" + (ym.getMonthValue() <= 6 ? "上" : "下") + "半年";
            case 5 -> ym.getYear() + "年" + ym.getMonthValue() + "月" + ym.lengthOfMonth() + "日前";
            default -> ym.atEndOfMonth().toString();
        };
    }
}
