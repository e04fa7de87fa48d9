package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Term;
import org.duban.persistence.Database;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.VocabularyViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → 来源和类别: edits stay until 保存, which confirms what tasks change and applies them at once. */
class VocabularyViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private VocabularyViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        vm = new VocabularyViewModel(Wired.over(db, new TestClock(LocalDate.of(2026, 11, 30))).vocabulary(),
                TaskRunner.direct(), dialogs);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private VocabularyViewModel.Row source(String name) {
        return vm.rows(Term.Kind.SOURCE).stream().filter(r -> r.nameProperty().get().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void aRenameAMergeAndANewOrderAreSavedTogetherAndTasksFollow() {
        assertEquals(List.of("中央生态环境保护督察", "省级督察", "举一反三"),
                vm.rows(Term.Kind.SOURCE).stream().map(r -> r.nameProperty().get()).toList());
        long province = TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE source = '省级督察'");
        long analogy = TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE source = '举一反三'");
        assertFalse(vm.dirtyProperty().get());

        source("省级督察").nameProperty().set("省级生态环境保护督察");
        assertTrue(vm.dirtyProperty().get());
        vm.selectedProperty(Term.Kind.SOURCE).set(source("举一反三"));
        dialogs.choiceToPick = "中央生态环境保护督察";
        vm.chooseMerge(Term.Kind.SOURCE);
        vm.selectedProperty(Term.Kind.SOURCE).set(source("省级生态环境保护督察"));
        vm.move(Term.Kind.SOURCE, -1);

        vm.save();

        String question = dialogs.confirmations.get(0);
        assertTrue(question.contains("“省级督察”改名为“省级生态环境保护督察”：" + province + " 项任务"), question);
        assertTrue(question.contains("“举一反三”并入“中央生态环境保护督察”：" + analogy + " 项任务"), question);
        assertEquals(province, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE source = '省级生态环境保护督察'"));
        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE source = '举一反三'"));
        assertEquals(List.of("省级生态环境保护督察", "中央生态环境保护督察"),
                vm.rows(Term.Kind.SOURCE).stream().map(r -> r.nameProperty().get()).toList(), "reloaded, in the new order");
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void cancellingTheConfirmationSavesNothingAndKeepsTheEdits() {
        String before = TestDb.contentDigest(db.file());
        source("省级督察").nameProperty().set("省级生态环境保护督察");
        dialogs.answer = false;
        vm.save();
        assertEquals(before, TestDb.contentDigest(db.file()));
        assertTrue(vm.dirtyProperty().get());
        vm.revert();
        assertFalse(vm.dirtyProperty().get());
    }
}
