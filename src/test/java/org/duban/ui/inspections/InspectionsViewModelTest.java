package org.duban.ui.inspections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 下沉督察 without a window, on the sample as of 2026-11-29: recording, findings, and what a finding becomes. */
class InspectionsViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private InspectionsViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        Services services = Services.over(db, new TestClock(TODAY));
        vm = new InspectionsViewModel(services.inspections(), services.meetings(), TaskRunner.direct(),
                dialogs);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count(String table) {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM " + table);
    }

    @Test
    void loadingListsTheInspectionsAndShowsTheFirstOnesFindings() {
        assertEquals(count("inspection"), vm.inspections().size());
        assertFalse(vm.inspections().isEmpty(), "the sample holds inspections");
        Inspection first = vm.inspections().get(0);
        assertEquals(first, vm.selectedProperty().get());
        assertEquals(first.findings(), vm.findings());
        assertEquals(TODAY, vm.dateProperty().get());
        assertEquals(count("unit"), vm.units().size());
    }

    @Test
    void anInspectionOfAnUnknownUnitIsRefusedInTheFormAndNothingIsWritten() {
        String before = TestDb.contentDigest(db.file());
        vm.inspectorsProperty().set("督办科 王敏");
        vm.unitsTextProperty().set("蕉城区、月球县");
        vm.record();
        assertTrue(vm.recordErrorProperty().get().contains("月球县"), vm.recordErrorProperty().get());
        assertEquals("督办科 王敏", vm.inspectorsProperty().get(), "what was typed stays");
        vm.unitsTextProperty().set("");
        vm.record();
        assertEquals("请至少选择一个被督察的单位。", vm.recordErrorProperty().get());
        assertEquals(before, TestDb.contentDigest(db.file()));
        assertFalse(vm.savingProperty().get());
    }

    @Test
    void aRecordedInspectionTakesAFindingThatIsLinkedToATaskBySeq() {
        long before = count("inspection");
        vm.inspectorsProperty().set("督办科 王敏");
        vm.unitsTextProperty().set("蕉城区、福安");
        vm.notesProperty().set("暗访");
        vm.record();
        assertEquals("", vm.recordErrorProperty().get());
        assertEquals(before + 1, count("inspection"));
        assertEquals("", vm.inspectorsProperty().get(), "the form is cleared");
        Inspection made = vm.inspections().stream().filter(i -> i.notes().equals("暗访")).findFirst().orElseThrow();
        assertEquals(2, made.unitIds().size());

        vm.selectedProperty().set(made);
        vm.findingTextProperty().set("河道垃圾未清理");
        vm.addFinding();
        assertEquals(1, vm.findings().size());
        InspectionFinding f = vm.findings().get(0);
        assertEquals("未处理", vm.taskText(f));
        assertEquals("", vm.findingTextProperty().get());

        vm.selectedFindingProperty().set(f);
        vm.linkSeqProperty().set("abc");
        vm.link();
        assertEquals("当前交办会中没有序号为“abc”的任务。", vm.findingErrorProperty().get());
        vm.linkSeqProperty().set(" 1 ");
        vm.link();
        assertEquals("", vm.findingErrorProperty().get());
        assertEquals("序号 1", vm.taskText(vm.findings().get(0)));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
