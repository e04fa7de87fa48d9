package org.duban.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.tasks.TaskField;
import org.duban.testing.OfficeLists;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.importer.ImportWizardViewModel.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import wizard's steps without a window, over a real ledger and the office's messy list. */
class ImportWizardViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Meeting> imported = new ArrayList<>();
    private ImportWizardViewModel vm;

    /** Only for the import's progress, which lands through FxThread (Platform.runLater off the FX thread). */
    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test in this JVM
        }
    }

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        Services services = Services.over(db);
        vm = new ImportWizardViewModel(services.plainImporter(), TaskRunner.direct(), dialogs,
                services.meetings().all(), meeting);
        vm.setOnImported(imported::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long tasks() {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE meeting_id = " + meeting.id());
    }

    @Test
    void aFileThatIsNotThereStaysOnTheFirstStepWithTheReason() {
        assertEquals(meeting, vm.meetingProperty().get().value(), "the checklist's meeting is preselected");
        vm.fileProperty().set(dir.resolve("没有.xlsx").toString());
        vm.next();
        assertEquals(Step.FILE, vm.stepProperty().get());
        assertEquals("请选择一个存在的文件。", vm.fileErrorProperty().get());
        assertFalse(vm.canImport().get());
    }

    @Test
    void theStepsGoThroughNamesToProblemsAndBackAndAColumnMappedAwayBlocksTheImport() {
        vm.fileProperty().set(OfficeLists.xlsx(dir.resolve("清单.xlsx")).toString());
        vm.next();
        assertEquals(Step.PREVIEW, vm.stepProperty().get());
        assertEquals(TaskField.UNITS, vm.columns().get(4).field(), "column E read as the units");
        vm.next();
        assertEquals(Step.NAMES, vm.stepProperty().get(), "a new ledger knows none of the list's names");
        assertEquals(5, vm.names().size());
        vm.next();
        assertEquals(Step.PROBLEMS, vm.stepProperty().get());
        assertTrue(vm.summary().startsWith("共 14 项任务，分解到单位 48 项：新增 14，更新 0，未变 0"), vm.summary());
        assertTrue(vm.canImport().get());

        vm.mapColumn(7, null); // the deadline column, to nothing
        assertFalse(vm.canImport().get());
        assertTrue(vm.problems().stream().anyMatch(p -> p.isError() && p.message().contains("完成时限")),
                vm.problems().toString());
        vm.mapColumn(7, TaskField.DEADLINE);
        assertTrue(vm.canImport().get());

        vm.back();
        assertEquals(Step.NAMES, vm.stepProperty().get());
        vm.back();
        vm.back();
        assertEquals(Step.FILE, vm.stepProperty().get());
        assertEquals(0, tasks(), "nothing written by looking");
    }

    @Test
    void importingWritesTheListAndShowsWhatChanged() {
        vm.fileProperty().set(OfficeLists.xlsx(dir.resolve("清单.xlsx")).toString());
        vm.next();
        vm.next();
        vm.next();
        vm.next();
        assertEquals(Step.CHANGES, vm.stepProperty().get());
        assertTrue(vm.changesSummary().contains("新增 14 项任务"), vm.changesSummary());

        vm.runImport();

        assertEquals(Step.RESULT, vm.stepProperty().get());
        assertTrue(dialogs.confirmations.isEmpty(), "only additions: nothing to confirm");
        assertEquals(OfficeLists.TASKS, tasks());
        assertTrue(vm.resultSummary().startsWith("已导入到“测试交办会”：新增 14 项"), vm.resultSummary());
        assertEquals(OfficeLists.TASKS, vm.changedRows().size());
        assertEquals(List.of(meeting.id()), imported.stream().map(Meeting::id).toList());
        assertFalse(vm.busyProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
