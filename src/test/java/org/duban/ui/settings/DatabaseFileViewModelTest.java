package org.duban.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duban.app.DatabaseSwitch;
import org.duban.app.UserPreferences;
import org.duban.persistence.Database;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → 数据库文件 over the real switch: what moves the window, what is refused and why. */
class DatabaseFileViewModelTest {
    @TempDir
    Path dir;
    private Path current;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Database> activated = new ArrayList<>();
    private UserPreferences prefs;
    private DatabaseFileViewModel vm;

    @BeforeEach
    void setUp() {
        current = dir.resolve("current.db");
        TestDb.withRoster(dir).close(); // test.db: another ledger to open
        prefs = new UserPreferences(dir.resolve("prefs.properties"));
        vm = new DatabaseFileViewModel(new DatabaseSwitch(current, dir.resolve("duban.db"), prefs,
                opened -> activated.add(opened.db())), TaskRunner.direct(), dialogs);
    }

    @AfterEach
    void close() {
        activated.forEach(Database::close);
    }

    @Test
    void theFileInUseIsNotOpenedAgain() {
        assertFalse(vm.onDefault());
        assertEquals(dir.toAbsolutePath().normalize(), vm.folder());
        vm.openExisting(dir.resolve(".").resolve("current.db"));
        assertEquals(List.of("正在使用的就是 " + current.toAbsolutePath().normalize() + "，无需切换。"), dialogs.infos);
        assertTrue(activated.isEmpty());
    }

    @Test
    void openingAnotherLedgerMovesTheWindowAndIsRemembered() {
        Path other = dir.resolve("test.db").toAbsolutePath().normalize();
        vm.openExisting(other);
        assertEquals(1, activated.size());
        assertEquals(other, activated.get(0).file());
        assertEquals(List.of("已打开数据库 " + other + "。以后启动督办台时也会打开它。"), dialogs.infos);
        assertFalse(vm.busyProperty().get());
        assertEquals(other, new UserPreferences(dir.resolve("prefs.properties")).database().orElseThrow());
    }

    @Test
    void aMissingFileOrANewOneOverAnExistingLedgerIsRefusedAndNothingIsMade() throws Exception {
        Path missing = dir.resolve("missing.db").toAbsolutePath().normalize();
        vm.openExisting(missing);
        assertEquals("找不到文件 " + missing + "。请检查文件是否已被移动或删除。", dialogs.errors.get(0));
        assertFalse(Files.exists(missing));

        Path taken = dir.resolve("test.db").toAbsolutePath().normalize();
        String before = TestDb.contentDigest(taken);
        vm.createNew(taken);
        assertTrue(dialogs.errors.get(1).startsWith("文件 " + taken + " 已经存在，未作任何改动。"), dialogs.errors.get(1));
        assertEquals(before, TestDb.contentDigest(taken));
        assertTrue(activated.isEmpty());
        assertFalse(vm.busyProperty().get(), "the buttons come back after a refusal");
    }

    @Test
    void aNewLedgerIsMadeWithTheDefaultRoster() {
        Path fresh = dir.resolve("新台账.db");
        vm.createNew(fresh);
        assertEquals(1, activated.size());
        assertTrue(TestDb.sqlLong(fresh, "SELECT count(*) FROM unit") > 20);
        assertEquals(0, TestDb.sqlLong(fresh, "SELECT count(*) FROM task"));
    }
}
