package org.duban.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.persistence.contract.Engine;
import org.duban.service.Services;
import org.duban.service.generate.LedgerGenerator;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tracking.TaskTracking;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checklist's load reads only what its rows show (issue 24): its rows are still those of the full read (every
 * task with all its texts, every share's state from all its reports, milestones and applications), with the same
 * text in every column, for the whole task and for each unit's share, on several days; and free-text search finds
 * the same rows as a search over the texts written out here.
 */
class ChecklistLoadSameRowsTest {
    private static final String[] WORDS = {"污水", "扬尘", "渔排", "危险废物", "生态流量", "蕉城", "截污纳管", "pm2.5",
        "COD", "整改 方案", "福安市 2026", "霞浦"};

    @TempDir
    Path dir;

    @Test
    void theSampleShowsTheRowsOfTheFullReadOnEveryDay() {
        try (Database db = TestDb.withSample(dir)) {
            int rows = 0;
            for (LocalDate day : List.of(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 9, 1),
                    LocalDate.of(2026, 4, 15), LocalDate.of(2025, 12, 1))) {
                rows += compare(db, day, List.of());
            }
            assertTrue(rows > 40, "rows compared: " + rows);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aGeneratedLedgerShowsTheRowsOfTheFullReadOnEveryDay(Engine engine) {
        LocalDate end = LocalDate.of(2026, 11, 29);
        try (Database db = engine.create(dir)) {
            new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(160, 1400, 7, end),
                    LedgerGenerator.Progress.NONE);
            // a lead unit (牵头单位) on some tasks, found by its name
            engine.seed(db, "UPDATE task SET lead_unit_id = (SELECT max(id) FROM unit) WHERE seq % 9 = 0");
            Unit lead = Wired.of(db).tasks().units().stream().max(java.util.Comparator.comparingLong(Unit::id))
                    .orElseThrow();
            int rows = 0;
            for (LocalDate day : List.of(end, end.minusDays(40), end.minusDays(150), end.minusYears(1))) {
                rows += compare(db, day, List.of(lead.name(), lead.shortName()));
            }
            assertEquals(640, rows);
        }
    }

    /** Loads the checklist as of {@code day} and compares it with the full read, column by column; its rows. */
    private static int compare(Database db, LocalDate day, List<String> moreWords) {
        Services services = Services.over(db, new TestClock(day));
        TaskListViewModel vm = new TaskListViewModel(services.tasks(), services.meetings(), TaskRunner.direct(),
                new RecordingDialogs());
        vm.load();
        Meeting meeting = vm.meetingProperty().get();
        List<ChecklistRow> expected = fullRead(services, meeting, day);
        List<ChecklistRow> shown = List.copyOf(vm.rows());
        assertEquals(expected.size(), shown.size(), "rows on " + day);
        List<Long> unitIds = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            ChecklistRow e = expected.get(i);
            ChecklistRow s = shown.get(i);
            String where = "task " + e.task().seq() + " on " + day;
            assertEquals(e.task(), s.task(), where + ": the task with all its texts");
            assertEquals(e.units(), s.units(), where);
            assertEquals(e.leadUnit(), s.leadUnit(), where);
            assertEquals(e.tracking(), s.tracking(), where + ": every share's state, latest report and late milestones");
            assertEquals(e, s, where);
            assertEquals(columns(e, null), columns(s, null), where);
            for (Unit u : e.units()) {
                assertEquals(columns(e, u.id()), columns(s, u.id()), where + ", unit " + u.name());
                unitIds.add(u.id());
            }
        }
        // search: the same rows as the words looked for in the texts written out here
        int found1 = 0;
        List<String> words = new ArrayList<>(List.of(WORDS));
        words.addAll(moreWords);
        for (String word : words) {
            vm.searchTextProperty().set(word);
            List<ChecklistRow> found = List.copyOf(vm.visibleRows());
            List<ChecklistRow> wanted = expected.stream().filter(r -> matches(r, word)).toList();
            assertEquals(wanted, found, "search \"" + word + "\" on " + day);
            found1 += found.isEmpty() || found.size() == expected.size() ? 0 : 1;
        }
        assertTrue(expected.isEmpty() || found1 >= 3, "words that find some rows but not all: " + found1);
        vm.searchTextProperty().set("");
        // a unit's rows, with the light and status of its share
        if (!unitIds.isEmpty()) {
            long unit = unitIds.get(unitIds.size() / 2);
            vm.unitFilterProperty().set(vm.units().stream().filter(u -> u.id() == unit).findFirst().orElseThrow());
            assertEquals(expected.stream().filter(r -> r.units().stream().anyMatch(u -> u.id() == unit)).toList(),
                    List.copyOf(vm.visibleRows()), "unit filter on " + day);
            vm.unitFilterProperty().set(null);
        }
        return shown.size();
    }

    /** The rows as the full read makes them: every report, milestone and application of every share. */
    private static List<ChecklistRow> fullRead(Services services, Meeting meeting, LocalDate day) {
        Map<Long, Unit> units = new HashMap<>();
        services.tasks().units().forEach(u -> units.put(u.id(), u));
        List<ChecklistRow> rows = new ArrayList<>();
        for (TaskTracking t : services.tracking().track(TaskScope.meeting(meeting.id()), day)) {
            rows.add(ChecklistRow.of(t, t.task().unitIds().stream().map(units::get).toList(),
                    units.get(t.task().leadUnitId())));
        }
        return rows;
    }

    /** What each column shows of a row (for the whole task, or for one unit's share). */
    private static List<String> columns(ChecklistRow r, Long unit) {
        WarningLight light = r.light(unit);
        return List.of(String.valueOf(r.task().seq()), light == null ? "" : Messages.tr("light." + light.name()),
                r.task().problem(), ChecklistCells.unitsShort(r), r.unitNames(), r.leadUnitName(),
                ChecklistCells.deadlineShort(r.task().deadline()), ChecklistCells.deadlineFull(r.task().deadline()),
                ChecklistCells.statusShort(r.status(unit)), ChecklistCells.latestText(r, unit),
                ChecklistCells.latestFull(r, unit), ChecklistCells.supervisionShort(r),
                ChecklistCells.supervisionText(r), r.task().source(), r.task().category(),
                String.valueOf(r.overdue()), String.valueOf(r.supervised()));
    }

    /** Every word of {@code text} in the task's texts or its units' names, short names and aliases, any case. */
    private static boolean matches(ChecklistRow r, String text) {
        List<String> fields = new ArrayList<>(List.of(r.task().problem(), r.task().target(), r.task().measures(),
                r.task().supportingUnits()));
        List<Unit> named = new ArrayList<>(r.units());
        if (r.leadUnit() != null) {
            named.add(r.leadUnit());
        }
        for (Unit u : named) {
            fields.add(u.name());
            fields.add(u.shortName());
            fields.addAll(u.aliases());
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (fields.stream().noneMatch(f -> f.toLowerCase(Locale.ROOT).contains(word))) {
                return false;
            }
        }
        return true;
    }
}
