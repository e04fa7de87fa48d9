package org.duban.ui.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duban.app.FirstStart;
import org.duban.persistence.Database;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start without a window: the choice makes the ledger once; a failure says why and lets one choose again. */
class WelcomeViewModelTest {
    @TempDir
    Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private WelcomeViewModel vm(Path file) {
        return new WelcomeViewModel(file, TaskRunner.direct(), dialogs, new FirstStart(file, o -> opened.add(o.db())));
    }

    @Test
    void theEmptyChoiceMakesTheLedgerOnceAndStaysBusyWhileTheWindowMovesOn() {
        Path file = dir.resolve("data").resolve("duban.db");
        WelcomeViewModel vm = vm(file);
        assertEquals(dir.resolve("data").toAbsolutePath().normalize(), vm.folder());
        assertTrue(vm.intro().startsWith("督办台把交办会的任务清单"), vm.intro());
        assertFalse(Files.exists(file));

        vm.choose(WelcomeChoice.EMPTY);

        assertEquals(1, opened.size());
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM meeting"));
        assertTrue(vm.busyProperty().get(), "the welcome stays greyed out: the main window takes over");
        assertEquals("", vm.statusProperty().get());
        vm.choose(WelcomeChoice.SAMPLE);
        assertEquals(1, opened.size(), "a second click is ignored");
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM task"));
    }

    @Test
    void aFolderThatCannotBeMadeIsReportedAndTheChoicesComeBack() throws Exception {
        Path blocked = Files.writeString(dir.resolve("data"), "a file where the folder should be");
        WelcomeViewModel vm = vm(blocked.resolve("duban.db"));
        vm.choose(WelcomeChoice.SAMPLE);
        assertTrue(opened.isEmpty());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains(blocked.toAbsolutePath().normalize().toString()), dialogs.errors.get(0));
        assertFalse(vm.busyProperty().get());
        assertEquals("", vm.statusProperty().get());
    }

    @Test
    void anEmptyFileIsNamedInTheIntro() throws Exception {
        Path zero = Files.createFile(dir.resolve("zero.db"));
        WelcomeViewModel vm = new WelcomeViewModel(zero, true, TaskRunner.direct(), dialogs,
                new FirstStart(zero, o -> opened.add(o.db())));
        assertTrue(vm.intro().startsWith("数据文件 " + zero.toAbsolutePath().normalize() + " 是空的（0 字节）"),
                vm.intro());
    }
}
