package org.duban.ui.handouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutService.UnitHandout;
import org.duban.service.handout.HandoutSettingsStore;
import org.duban.service.handout.PageOrientation;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 讲义打印 without a window, on the sample: what loading lays out, pages and zoom, settings and copies kept, export. */
class HandoutsViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private HandoutSettingsStore store;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private HandoutsViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        services = Services.over(db);
        store = services.handoutSettings();
        store.save(store.load().withFonts(FontPreference.BUNDLED));
        vm = new HandoutsViewModel(services.handouts(), services.meetings(), TaskRunner.direct(), dialogs);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loadingOpensTheCurrentMeetingAtItsFirstUnitsFirstPage() {
        assertEquals(services.meetings().all(), List.copyOf(vm.meetings()));
        assertEquals(services.meetings().current().orElseThrow(), vm.meetingProperty().get());
        assertEquals(TestDb.sqlLong(db.file(), "SELECT count(DISTINCT unit_id) FROM assignment"), vm.units().size());
        assertEquals(vm.units().get(0), vm.unitProperty().get());
        assertEquals(vm.unitProperty().get().unit().name(), vm.layoutProperty().get().unitName());
        assertTrue(vm.pageCountProperty().get() >= 1);
        assertEquals("第 1 页 / 共 " + vm.pageCountProperty().get() + " 页", vm.pageText().get());
        assertEquals("", vm.statusProperty().get());
    }

    @Test
    void pagesAndZoomStopAtTheirEnds() {
        int n = vm.pageCountProperty().get();
        vm.previousPage();
        assertEquals(0, vm.pageIndexProperty().get());
        vm.lastPage();
        vm.nextPage();
        assertEquals(n - 1, vm.pageIndexProperty().get());
        assertEquals(vm.layoutProperty().get().pages().get(n - 1), vm.currentPage());
        for (int i = 0; i < 20; i++) {
            vm.zoomIn();
        }
        assertEquals(HandoutsViewModel.MAX_ZOOM, vm.zoomProperty().get(), 1e-9);
        assertEquals("300%", vm.zoomText().get());
        for (int i = 0; i < 20; i++) {
            vm.zoomOut();
        }
        assertEquals(HandoutsViewModel.MIN_ZOOM, vm.zoomProperty().get(), 1e-9);
    }

    @Test
    void anotherOrientationIsSavedForTheLedgerAndLaidOutAgain() {
        PageOrientation other = vm.settingsProperty().get().orientation() == PageOrientation.LANDSCAPE
                ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE;
        var before = vm.layoutProperty().get();
        vm.setOrientation(other);
        assertEquals(other, store.load().orientation());
        assertTrue(vm.layoutProperty().get() != before, "laid out again");
        var g = vm.layoutProperty().get().geometry();
        assertEquals(other == PageOrientation.LANDSCAPE, g.width() > g.height(), "the pages are turned");
    }

    @Test
    void copiesAreKeptPerUnitAndChoosingAnotherUnitShowsItsOwn() {
        UnitHandout first = vm.unitProperty().get();
        vm.copiesProperty().set(4);
        assertEquals(4, store.copies(first.unit().id()));
        assertEquals(4, vm.units().get(0).copies(), "the list shows the new number");

        vm.unitProperty().set(vm.units().get(1));
        assertEquals(1, vm.copiesProperty().get());
        assertEquals(vm.units().get(1).unit().name(), vm.layoutProperty().get().unitName());
        vm.unitProperty().set(vm.units().get(0));
        assertEquals(4, vm.copiesProperty().get());
    }

    @Test
    void aMeetingWithoutSharesSaysSoAndShowsNoPages() {
        Meeting empty = TestDb.emptyMeeting(db);
        vm.load();
        vm.meetingProperty().set(vm.meetings().stream().filter(m -> m.id() == empty.id()).findFirst().orElseThrow());
        assertTrue(vm.units().isEmpty());
        assertNull(vm.layoutProperty().get());
        assertEquals("本次会议还没有分解到单位的任务。", vm.statusProperty().get());
        assertEquals("无页面", vm.pageText().get());
        vm.exportUnitToChosenFile();
        assertTrue(dialogs.suggestedNames.isEmpty(), "nothing to save: not even asked");
    }

    @Test
    void oneUnitsPdfIsWrittenWhereTheUserSaysAndCancellingWritesNothing() throws Exception {
        String unit = vm.unitProperty().get().unit().name();
        vm.exportUnitToChosenFile();
        assertEquals(List.of(HandoutService.fileName(unit)), dialogs.suggestedNames);
        assertEquals("", vm.statusProperty().get(), "cancelled");

        Path file = dir.resolve("讲义.pdf");
        dialogs.saveTarget = file;
        vm.exportUnitToChosenFile();
        assertEquals("%PDF", new String(Files.readAllBytes(file), 0, 4, StandardCharsets.US_ASCII));
        assertEquals("已保存：" + file, vm.statusProperty().get());
        assertFalse(vm.workingProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
