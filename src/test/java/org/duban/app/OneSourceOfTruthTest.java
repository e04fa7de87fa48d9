package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinDocument;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.bulletin.BulletinText;
import org.duban.service.chart.ChartKey;
import org.duban.service.chart.ChartKind;
import org.duban.service.chart.ChartRequest;
import org.duban.service.chart.ChartService;
import org.duban.service.chart.ChartStyle;
import org.duban.service.stats.UnitGroup;
import org.duban.service.tasks.ChecklistFilter;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskService;
import org.duban.service.tracking.AssignmentState;
import org.duban.testing.CliRunner;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One source of truth: on the sample database on its today (2026-11-29), every unit's figures are the same in the
 * checklist (each row's share of the unit: its status, its light through the checklist's own unit-and-light filter,
 * overdue), in {@code stats --json}, in the dashboard's charts (status and lights, all units) and in the
 * bulletin's printed tables (shares, completed, closed, overdue).
 */
class OneSourceOfTruthTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Pattern UNIT = Pattern.compile("\"unit\": \"([^\"]+)\",.*?\"assignments\": (\\d+),\\s*"
            + "\"byStatus\": \\{([^}]*)\\},\\s*\"byLight\": \\{([^}]*)\\},\\s*\"overdue\": (\\d+)", Pattern.DOTALL);
    private static final Pattern COUNT = Pattern.compile("\"(\\w+)\": (\\d+)");

    @TempDir
    Path dir;

    /** One unit's figures; a source that does not show a part leaves it out of the comparison. */
    record Figures(int shares, Map<TaskStatus, Integer> byStatus, Map<WarningLight, Integer> byLight, int overdue) {
        int completed() {
            return byStatus.entrySet().stream().filter(e -> e.getKey().isCompleted()).mapToInt(Map.Entry::getValue)
                    .sum();
        }

        int closed() {
            return byStatus.getOrDefault(TaskStatus.CLOSED, 0);
        }
    }

    @Test
    void checklistStatsChartsAndBulletinGiveEveryUnitTheSameFigures() {
        Path file;
        try (Database db = TestDb.withSample(dir)) {
            file = db.file();
        }
        CliRunner.Result json = CliRunner.run("--db", file.toString(), "stats", "--json", "--as-of", TODAY.toString());
        assertEquals(0, json.code(), json.err());
        Map<String, Figures> stats = fromJson(json.out());

        try (Database db = Database.open(file)) {
            AuditLog audit = Wired.audit(db, new TestClock(TODAY));
            long meeting = TestDb.sqlLong(file, "SELECT id FROM meeting WHERE kind = 'ASSIGNMENT'");
            Map<String, Figures> checklist = fromChecklist(Wired.of(audit).tasks(), meeting);
            ChartService charts = new ChartService(Wired.of(audit).stats());
            Map<String, Map<String, Integer>> statusChart = table(charts.build(ChartRequest.of(ChartKind.STATUS,
                    meeting, TODAY).withGroup(UnitGroup.ALL), ChartStyle.screen()).getCategoryPlot().getDataset());
            Map<String, Map<String, Integer>> lightChart = table(charts.build(ChartRequest.of(ChartKind.LIGHTS,
                    meeting, TODAY).withGroup(UnitGroup.ALL), ChartStyle.screen()).getCategoryPlot().getDataset());
            Bulletin b = Wired.of(audit).bulletins().prepare(null, TODAY);
            Map<String, List<String>> printed = printedRows(BulletinService.document(b));
            java.util.Set<String> departments = new java.util.HashSet<>();
            for (BulletinDocument.Block block : BulletinService.document(b).blocks()) {
                if (block instanceof BulletinDocument.Table t && t.header().equals(BulletinText.departmentHeader())) {
                    t.rows().forEach(r -> departments.add(r.get(1)));
                }
            }
            assertTrue(!departments.isEmpty(), "the sample's bulletin has a 市直部门 table");

            assertEquals(checklist.keySet(), stats.entrySet().stream().filter(e -> e.getValue().shares() > 0)
                    .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()), "units with shares");
            assertEquals(checklist.keySet(), statusChart.keySet());
            assertEquals(checklist.keySet(), printed.keySet(), "every unit with shares in one of the tables");
            assertTrue(checklist.size() > 10 && checklist.values().stream().anyMatch(f -> f.overdue() > 0)
                    && checklist.values().stream().anyMatch(f -> f.closed() > 0), "the sample has variety");
            for (Map.Entry<String, Figures> e : checklist.entrySet()) {
                String unit = e.getKey();
                Figures mine = e.getValue();
                assertEquals(mine, stats.get(unit), unit + ": checklist and stats --json");
                for (TaskStatus s : TaskStatus.values()) {
                    assertEquals(mine.byStatus().getOrDefault(s, 0), statusChart.get(unit).get(s.name()),
                            unit + " " + s + ": status chart");
                }
                for (WarningLight l : WarningLight.values()) {
                    assertEquals(mine.byLight().getOrDefault(l, 0), lightChart.get(unit).get(l.name()),
                            unit + " " + l + ": lights chart");
                }
                List<String> row = printed.get(unit);
                if (row.size() == BulletinText.departmentHeader().size() && departments.contains(unit)) {
                    // 市直部门: 排名, 单位, 牵头任务, 牵头完成, 承担项次, 承担完成, 超期 (led + carried), 完成率
                    assertEquals(List.of(String.valueOf(mine.shares()), String.valueOf(mine.completed())),
                            row.subList(4, 6), unit + ": the bulletin's department table (carried, completed)");
                    assertTrue(Integer.parseInt(row.get(6)) >= mine.overdue(),
                            unit + ": the department table's 超期 counts its overdue shares: " + row);
                } else {
                    assertEquals(List.of(String.valueOf(mine.shares()), String.valueOf(mine.completed()),
                            String.valueOf(mine.closed()), String.valueOf(mine.overdue())), row.subList(2, 6),
                            unit + ": the bulletin's table (shares, completed, closed, overdue)");
                }
            }
        }
    }

    /** Each unit's figures as the checklist shows them, the light counted with its unit-and-light filter. */
    private static Map<String, Figures> fromChecklist(TaskService tasks, long meeting) {
        List<ChecklistRow> rows = tasks.checklist(meeting);
        Map<String, Figures> out = new LinkedHashMap<>();
        for (Unit u : tasks.units()) {
            Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
            int shares = 0;
            int overdue = 0;
            for (ChecklistRow r : rows.stream().filter(new ChecklistFilter(u.id(), null, null, null, null)).toList()) {
                shares++;
                AssignmentState s = r.tracking().stateOfUnit(u.id()).orElseThrow();
                byStatus.merge(r.task().assignments().stream().filter(a -> a.unitId() == u.id()).findFirst()
                        .orElseThrow().status(), 1, Integer::sum);
                overdue += s.overdue() ? 1 : 0;
            }
            if (shares == 0) {
                continue;
            }
            Map<WarningLight, Integer> byLight = new EnumMap<>(WarningLight.class);
            for (WarningLight l : WarningLight.values()) {
                long n = rows.stream().filter(new ChecklistFilter(u.id(), null, null, null, null, l, false)).count();
                if (n > 0) {
                    byLight.put(l, (int) n);
                }
            }
            out.put(u.name(), new Figures(shares, byStatus, byLight, overdue));
        }
        return out;
    }

    private static Map<String, Figures> fromJson(String json) {
        Map<String, Figures> out = new LinkedHashMap<>();
        Matcher m = UNIT.matcher(json);
        while (m.find()) {
            Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
            counts(m.group(3)).forEach((k, v) -> byStatus.put(TaskStatus.valueOf(k), v));
            Map<WarningLight, Integer> byLight = new EnumMap<>(WarningLight.class);
            counts(m.group(4)).forEach((k, v) -> byLight.put(WarningLight.valueOf(k), v));
            out.put(m.group(1), new Figures(Integer.parseInt(m.group(2)), byStatus, byLight,
                    Integer.parseInt(m.group(5))));
        }
        return out;
    }

    /** The non-zero counts of a JSON object of counts (the checklist has no zeros to show). */
    private static Map<String, Integer> counts(String body) {
        Map<String, Integer> m = new LinkedHashMap<>();
        Matcher c = COUNT.matcher(body);
        while (c.find()) {
            if (Integer.parseInt(c.group(2)) > 0) {
                m.put(c.group(1), Integer.parseInt(c.group(2)));
            }
        }
        return m;
    }

    /** Unit name → series name (the enum's) → value, from a per-unit chart's dataset. */
    private static Map<String, Map<String, Integer>> table(CategoryDataset d) {
        Map<String, Map<String, Integer>> t = new LinkedHashMap<>();
        for (int c = 0; c < d.getColumnCount(); c++) {
            Map<String, Integer> col = new LinkedHashMap<>();
            for (int r = 0; r < d.getRowCount(); r++) {
                col.put(((Enum<?>) ((ChartKey) d.getRowKey(r)).value()).name(), d.getValue(r, c).intValue());
            }
            t.put(((Unit) ((ChartKey) d.getColumnKey(c)).value()).name(), col);
        }
        return t;
    }

    /** Unit name → its printed row, from every ranking table of the bulletin (counties, then city departments). */
    private static Map<String, List<String>> printedRows(BulletinDocument doc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (BulletinDocument.Block block : doc.blocks()) {
            if (block instanceof BulletinDocument.Table t) {
                t.rows().forEach(r -> rows.put(r.get(1), r));
            }
        }
        return rows;
    }
}
