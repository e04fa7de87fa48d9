package org.duban.ui.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.handout.FontPreference;
import org.duban.service.score.ScoreService;
import org.duban.service.score.UnitScore;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 考评排名 without a window, on the sample as of 2026-11-29: the period, the ranking, a unit's events, the export. */
class ScoreViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private ScoreViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        services = Services.over(db, new TestClock(TODAY));
        vm = new ScoreViewModel(services.scores(), () -> FontPreference.BUNDLED, TaskRunner.direct(), dialogs);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theYearSoFarIsScoredAndAChosenUnitKeepsItsEventsAcrossARecount() {
        assertEquals(LocalDate.of(2026, 1, 1), vm.fromProperty().get());
        assertEquals(TODAY, vm.asOfProperty().get());
        vm.load();
        ScoreService.ScoreTable expected = services.scores().score(LocalDate.of(2026, 1, 1), TODAY);
        assertEquals(expected.units(), List.copyOf(vm.units()));
        assertEquals("2026-01-01 至 2026-11-29，计分规则：默认规则，" + expected.units().size() + " 个单位。",
                vm.statusProperty().get());

        UnitScore withEvents = vm.units().stream().filter(u -> !u.events().isEmpty()).findFirst().orElseThrow();
        vm.selectedProperty().set(withEvents);
        assertEquals(withEvents.events(), List.copyOf(vm.events()));
        vm.asOfProperty().set(LocalDate.of(2026, 10, 31));
        vm.load();
        assertEquals(withEvents.unit().name(), vm.selectedProperty().get().unit().name(), "the unit stays chosen");
        assertEquals(services.scores().score(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31))
                .of(withEvents.unit().name()).orElseThrow().events(), List.copyOf(vm.events()));
        assertFalse(vm.workingProperty().get());
    }

    @Test
    void aPeriodThatRunsBackwardsOrIsMissingIsSaidInTheForm() {
        vm.load();
        vm.fromProperty().set(LocalDate.of(2026, 12, 1));
        vm.load();
        assertEquals("考评起始日 2026-12-01 晚于截止日 2026-11-29，请调换。", vm.errorProperty().get());
        assertTrue(vm.units().isEmpty());
        assertNull(vm.tableProperty().get());
        vm.fromProperty().set(null);
        vm.load();
        assertEquals("请填写考评的起始日和截止日。", vm.errorProperty().get());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void theExportIsWrittenWhereTheUserSaysWithTheSuggestedName() throws Exception {
        vm.export("xlsx");
        assertTrue(dialogs.suggestedNames.isEmpty(), "nothing to export before scoring");
        vm.load();
        Path file = dir.resolve("考评.xlsx");
        dialogs.saveTarget = file;
        vm.export("xlsx");
        assertEquals(List.of("考评-2026-01-01至2026-11-29.xlsx"), dialogs.suggestedNames);
        assertEquals("考评表已写入“" + file + "”。", vm.statusProperty().get());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertTrue(wb.getSheetAt(0).getLastRowNum() >= vm.units().size(), "a row per unit under the heading");
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
