package org.duban.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.chart.ChartKind;
import org.duban.service.stats.StatsScope;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 进度图表 without a window, on the sample as of 2026-11-29: the filters loaded, the chart following them, export. */
class ChartsViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<String> navigated = new ArrayList<>();
    private ChartsViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        services = Services.over(db, new TestClock(TODAY));
        vm = new ChartsViewModel(services.charts(), services.meetings(), TaskRunner.direct(), dialogs,
                (Meeting m, Unit u, WarningLight l) -> navigated.add(m.title() + "|" + u.name() + "|" + l));
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loadingOpensTheCurrentMeetingAsOfTodayWithItsSourcesAndTheStatusChart() {
        Meeting current = services.meetings().current().orElseThrow();
        assertEquals(current, vm.meetingProperty().get());
        assertEquals(TODAY, vm.asOfProperty().get());
        assertEquals(TODAY.minusMonths(1), vm.sinceProperty().get());
        assertEquals(List.copyOf(services.stats().breakdown(StatsScope.meeting(current.id()), TODAY).bySource()
                .keySet()), List.copyOf(vm.sources()));
        assertFalse(vm.sources().isEmpty());
        assertFalse(vm.units().isEmpty());
        assertNotNull(vm.chartProperty().get());
        assertEquals("各单位任务进展情况", vm.chartProperty().get().getTitle().getText());
        assertFalse(vm.loadingProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void changingAFilterBuildsTheChartAgainForIt() {
        var before = vm.chartProperty().get();
        vm.kindProperty().set(ChartKind.RANKING);
        assertEquals(ChartKind.RANKING, vm.request().kind());
        assertTrue(vm.chartProperty().get() != before);
        assertEquals("各单位任务完成率排名", vm.chartProperty().get().getTitle().getText());
        String source = vm.sources().get(0);
        vm.sourceProperty().set(source);
        assertEquals(source, vm.request().scope().source());
        assertEquals("进度图表-完成率排名-2026-11-29.png", vm.suggestedFileName("png"));
    }

    @Test
    void theChartIsExportedAtTheSizeAskedAndAUnitClickGoesToTheChecklist() throws Exception {
        Path png = dir.resolve("图表.png");
        int[] done = {0};
        vm.export(png, 800, 500, () -> done[0]++);
        assertEquals(1, done[0]);
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of("图表已保存到 " + png + "（800×500）。"), dialogs.infos);

        Unit unit = vm.units().get(0);
        vm.openUnit(unit, WarningLight.RED);
        assertEquals(List.of(vm.meetingProperty().get().title() + "|" + unit.name() + "|RED"), navigated);
    }
}
