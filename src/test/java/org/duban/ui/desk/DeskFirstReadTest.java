package org.duban.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.ladder.DeskItem;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: the window's start reads the desk's first lines before the window is built ({@code StartPrefetch}); the
 * desk's first load takes that read instead of reading, shows what a read of its own would, and shows a failed read
 * as its own failed read.
 */
class DeskFirstReadTest {
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        services = Services.over(db, new TestClock(DeskViewModelTest.TODAY));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DeskViewModel vm() {
        return new DeskViewModel(services.desk(), TaskRunner.direct(), dialogs);
    }

    @Test
    void theReadAheadIsWhatTheFirstLoadReads() {
        DeskViewModel.FirstRead ahead = DeskViewModel.readFirst(services.desk());
        DeskViewModel own = vm();
        own.load();
        assertEquals(own.dayProperty().get(), ahead.day());
        assertEquals(own.daysProperty().get(), ahead.days());
        assertEquals(List.copyOf(own.items()), ahead.items());
        assertFalse(ahead.items().isEmpty());

        DeskViewModel taking = vm().startingWith(() -> ahead);
        taking.load();
        assertEquals(List.copyOf(own.items()), List.copyOf(taking.items()));
        for (DeskItem.Kind k : DeskItem.Kind.values()) {
            assertEquals(own.count(k), taking.count(k), k.name());
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void theFirstLoadTakesTheReadAheadAndLaterLoadsReadAgain() {
        List<DeskItem> all = services.desk().desk(DeskViewModelTest.TODAY, 7);
        List<DeskItem> two = all.subList(0, 2); // not what a read gives: shows that the first load did not read
        DeskViewModel vm = vm().startingWith(() -> new DeskViewModel.FirstRead(DeskViewModelTest.TODAY, 7, two));
        vm.load();
        assertEquals(two, List.copyOf(vm.items()));
        assertEquals(7, vm.daysProperty().get());
        assertFalse(vm.loadingProperty().get());

        vm.load();
        assertEquals(all, List.copyOf(vm.items()), "the next load reads");
    }

    @Test
    void aReadAheadOfAnotherDayIsNotTaken() {
        DeskViewModel vm = vm().startingWith(() -> new DeskViewModel.FirstRead(
                DeskViewModelTest.TODAY.minusDays(1), 7, List.of()));
        vm.load();
        DeskViewModel own = vm();
        own.load();
        assertEquals(List.copyOf(own.items()), List.copyOf(vm.items()));
        assertEquals(own.daysProperty().get(), vm.daysProperty().get());
    }

    @Test
    void aFailedReadAheadIsShownAsTheDesksFailedRead() {
        LocalizedException failed = new LocalizedException("db.error.corrupt", db.file());
        DeskViewModel vm = vm().startingWith(() -> {
            throw failed;
        });
        vm.load();
        assertEquals(List.of(DialogService.messageOf(failed)), dialogs.errors);
        assertTrue(vm.items().isEmpty());
        assertFalse(vm.loadingProperty().get());
    }
}
