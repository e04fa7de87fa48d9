package org.duban.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.ladder.DeskItem;
import org.duban.service.ladder.LadderSettings;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 督办工作台 without a window, on the sample as of 2026-11-29: what the desk lists, and one notice sent from a line. */
class DeskViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private DeskViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        services = Services.over(db, new TestClock(TODAY));
        vm = new DeskViewModel(services.desk(), TaskRunner.direct(), dialogs);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long notices() {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM notice");
    }

    @Test
    void loadingLooksAheadTheStoredNumberOfDaysAndCountsEachSection() {
        LadderSettings.Values v = services.ladderSettings().load();
        services.ladderSettings().save(new LadderSettings.Values(v.chasePattern(), v.orderPattern(), v.talkPattern(),
                v.chaseResponseDays(), v.orderResponseDays(), v.escalateWorkingDays(), v.talkAfterOrders(), 30,
                v.calendarLines()));
        assertEquals(TODAY, vm.dayProperty().get());
        vm.load();
        assertEquals(30, vm.daysProperty().get(), "the first load takes the office's setting");
        assertFalse(vm.loadingProperty().get());
        List<DeskItem> expected = services.desk().desk(TODAY, 30);
        assertEquals(expected, List.copyOf(vm.items()));
        assertFalse(vm.items().isEmpty());
        for (DeskItem.Kind k : DeskItem.Kind.values()) {
            assertEquals(expected.stream().filter(i -> i.kind() == k).count(), vm.count(k), k.name());
        }

        vm.daysProperty().set(3);
        vm.load();
        assertEquals(3, vm.daysProperty().get(), "later loads keep what the user set");
        assertEquals(services.desk().desk(TODAY, 3), List.copyOf(vm.items()));
    }

    @Test
    void aChaseFromALineIsSentOnlyAfterTheQuestionAndAFolderAndIsNumbered() throws Exception {
        vm.load();
        DeskItem line = vm.items().stream().filter(i -> i.kind() == DeskItem.Kind.SUGGESTION && i.unitId() != null)
                .findFirst().orElseThrow();

        dialogs.answer = false;
        vm.sendNotice(line, NoticeLevel.CHASE);
        assertEquals(0, notices(), "declined");
        assertTrue(dialogs.confirmations.get(0).startsWith("给" + line.unit() + "发催办单（日期 2026-11-29）"),
                dialogs.confirmations.get(0));

        dialogs.answer = true;
        dialogs.folderToChoose = null;
        vm.sendNotice(line, NoticeLevel.CHASE);
        assertEquals(0, notices(), "no folder chosen");

        Path out = dir.resolve("催办");
        dialogs.folderToChoose = out;
        vm.sendNotice(line, NoticeLevel.CHASE);
        assertEquals(1, notices());
        assertEquals("督催〔2026〕1号", TestDb.sqlString(db.file(), "SELECT number_text FROM notice"));
        assertEquals(List.of("已发出督催〔2026〕1号（" + line.unit() + "），PDF 和 Word 文件在 " + out + "。"), dialogs.infos);
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".pdf")) && names.stream().anyMatch(n -> n.endsWith(".docx")),
                    names.toString());
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aBatchNoUnitQualifiesForSaysSoAndAsksNothing() {
        vm.load();
        vm.batch(NoticeLevel.ORDER);
        assertEquals(1, dialogs.infos.size());
        assertTrue(dialogs.infos.get(0).contains("没有符合条件的单位"), dialogs.infos.get(0));
        assertTrue(dialogs.confirmations.isEmpty());
        assertEquals(0, notices());
    }
}
