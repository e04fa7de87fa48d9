package org.duban.service.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.persistence.contract.Engine;
import org.duban.persistence.contract.Engines;
import org.duban.service.Services;
import org.duban.service.ledger.LedgerWatcher;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.ui.charts.ChartsViewModel;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.tasks.TaskListViewModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other seats' changes show without a restart (issue 16): a seat's watcher sees the ledger's change stamp move when
 * another connection writes, and its open checklist and charts read again, keeping the filter. No waiting: the test
 * polls ({@link LedgerWatcher#pollNow}) where the program's timer would.
 */
class OtherSeatsChangesTest {
    private static final TestClock CLOCK = new TestClock(LocalDate.of(2026, 5, 6));

    @TempDir
    Path dir;

    @Test
    void aSeatOnPostgresqlSeesAnotherSeatsChange() {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        try (Database writer = Database.connect(url, Engines.POSTGRESQL.credentials());
             Database watching = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            seed(Engines.POSTGRESQL, writer);
            follows(writer, watching);
        }
    }

    @Test
    void aReadOnlySqliteWindowFollowsTheProgramThatWrites() {
        try (Database writer = Engines.SQLITE.create(dir)) {
            seed(Engines.SQLITE, writer);
            try (Database watching = Database.openReadOnly(dir.resolve("contract.db"))) {
                assertTrue(watching.isReadOnly());
                follows(writer, watching);
            }
        }
    }

    private static void follows(Database writerDb, Database watchingDb) {
        TaskService writer = Services.over(writerDb, CLOCK).operatedBy("秘书甲").tasks();
        Services seat = Services.over(watchingDb, CLOCK).operatedBy("秘书乙");
        RecordingDialogs dialogs = new RecordingDialogs();
        TaskListViewModel checklist = new TaskListViewModel(seat.tasks(), seat.meetings(), TaskRunner.direct(), dialogs);
        ChartsViewModel charts = new ChartsViewModel(seat.charts(), seat.meetings(), TaskRunner.direct(), dialogs,
                (Meeting m, Unit u, WarningLight l) -> { });
        checklist.load();
        charts.load();
        int[] told = {0};
        LedgerWatcher watcher = seat.ledgerWatcher();
        watcher.addListener(() -> {
            told[0]++;
            checklist.refresh(null);
            charts.refresh();
        });
        assertFalse(watcher.pollNow(), "the first poll notes where the ledger stands");
        checklist.searchTextProperty().set("问题二");
        assertEquals(1, checklist.visibleRows().size());
        var chart = charts.chartProperty().get();

        assertFalse(watcher.pollNow(), "nothing written: nothing to read again");
        assertEquals(0, told[0]);
        assertSame(chart, charts.chartProperty().get());

        TaskService.Editing two = writer.forEditing(2).orElseThrow();
        writer.update(2, with(two.input(), TaskField.PROBLEM, "问题二（甲补充）"), two.version());
        assertEquals("问题二", checklist.row(2).orElseThrow().task().problem(), "not read yet");

        assertTrue(watcher.pollNow(), "the other seat's change is seen");
        assertEquals(1, told[0]);
        assertEquals("问题二（甲补充）", checklist.row(2).orElseThrow().task().problem(), "the checklist read it again");
        assertEquals("问题二", checklist.searchTextProperty().get(), "the filter stays");
        assertEquals(1, checklist.visibleRows().size());
        assertEquals(2, checklist.visibleRows().get(0).task().id());
        assertNotSame(chart, charts.chartProperty().get(), "the chart was built again");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        writer.create(1, new TaskInput("3", "市级排查", "", "问题三", "", "", "蕉城区", "", "", "2026年底前", ""));
        assertTrue(watcher.pollNow());
        assertEquals(3, checklist.rows().size(), "a task added at the other seat shows");
        assertEquals(1, checklist.visibleRows().size(), "still filtered");
        assertFalse(watcher.pollNow());
        assertEquals(2, told[0]);
    }

    private static TaskInput with(TaskInput in, TaskField field, String value) {
        Map<TaskField, String> m = new EnumMap<>(TaskField.class);
        for (TaskField f : TaskField.values()) {
            m.put(f, in.get(f));
        }
        m.put(field, value);
        return TaskInput.of(m);
    }

    private static void seed(Engine engine, Database db) {
        engine.seed(db,
                "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                        + "(1, '蕉城区', '蕉城', 'DISTRICT', 1), (2, '市水利局', '水利局', 'CITY_DEPARTMENT', 2)",
                "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会')",
                "INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                        + "(1, 1, 1, '市级排查', '问题一', '2026年底前'), (2, 1, 2, '市级排查', '问题二', '2026年底前')",
                "INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1)");
    }
}
