package org.duban.ui.charts.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.UnitGroup;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projector's slides as a clicker moves through them: stops at the ends, auto-advance goes round. */
class ProjectorViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private ProjectorViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        Services services = Services.over(db, new TestClock(TODAY));
        Meeting m = services.meetings().current().orElseThrow();
        vm = new ProjectorViewModel(ProjectorData.read(services.charts(), m,
                StatsScope.meeting(m.id()), UnitGroup.COUNTIES, TODAY, TODAY.minusMonths(1)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theClickerStopsAtBothEndsAndTheCounterFollows() {
        int n = vm.slides().size();
        assertTrue(n >= 3, "slides: " + n);
        assertEquals("1 / " + n, vm.pageTextProperty().get());
        assertEquals(vm.slides().get(0), vm.slideProperty().get());
        vm.previous();
        assertEquals(0, vm.indexProperty().get(), "nothing before the first");
        vm.next();
        assertEquals(vm.slides().get(1), vm.slideProperty().get());
        vm.last();
        vm.next();
        assertEquals(n - 1, vm.indexProperty().get(), "nothing after the last");
        assertEquals(n + " / " + n, vm.pageTextProperty().get());
        vm.first();
        assertEquals("1 / " + n, vm.pageTextProperty().get());
    }

    @Test
    void autoAdvanceGoesRoundToTheFirstAfterTheLast() {
        vm.last();
        vm.tick();
        assertEquals(0, vm.indexProperty().get());
        vm.tick();
        assertEquals(1, vm.indexProperty().get());
        assertEquals("截至 2026年11月29日", vm.stamp());
        vm.close();
        assertTrue(vm.closedProperty().get());
    }
}
