package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitRepository;
import org.duban.testing.OdsLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task lists saved by LibreOffice or WPS as OpenDocument spreadsheets (.ods), issue 14. */
class OdsListImportTest {
    private static final List<String> HEADER = List.of("序号", "问题描述", "整改措施", "牵头单位", "责任单位",
            "包案市领导", "完成时限");
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private TaskImporter importer;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        importer = Wired.of(db).plainImporter();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path list() {
        return OdsLists.write(dir.resolve("任务清单.ods"), "任务清单", HEADER.size(), List.of(
                List.of(OdsLists.SPAN + "宁德市生态环境问题整改任务清单"),
                HEADER,
                List.of(OdsLists.SPAN + "一、水环境问题"),
                List.of("1", "霍童溪流域\n生活污水直排", "1.排查沿岸排口", "市生态环境局", "蕉城区、福安市", "张副市长",
                        OdsLists.DATE + "2026-06-30"),
                List.of("", "", "2.完成截污纳管", "", "", "", ""),
                List.of("2", "城市黑臭水体返黑返臭", "控源截污", "市住建局", "各县（市、区）", "李副市长", "2026年底前"),
                List.of(OdsLists.SPAN + "二、大气环境问题"),
                List.of("3", "工地扬尘管控不到位", "加强巡查", "市住建局", "霞浦县", "王副市长", "长期坚持")));
    }

    @Test
    void anOdsListReadsWithSectionsLinesContinuationsLeadUnitsAndDates() {
        ImportPlan plan = importer.plan(importer.read(list()), new ImportTarget.Existing(meeting.id()),
                ImportOptions.DEFAULT);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertTrue(plan.warnings().isEmpty(), () -> plan.warnings().toString());
        assertEquals("任务清单", plan.sheetName());
        assertEquals(2, plan.headerRow());
        assertEquals("宁德市生态环境问题整改任务清单", plan.title());
        assertEquals(3, plan.taskCount());
        assertEquals(2 + 9 + 1, plan.assignmentCount());
        Map<String, Integer> shares = new LinkedHashMap<>();
        plan.assignmentsByUnit().forEach((u, n) -> shares.put(u.name(), n));
        assertEquals(2, shares.get("蕉城区"));
        assertEquals(2, shares.get("霞浦县"));
        assertEquals(Map.of(4, List.of(5)), plan.continuations());

        importer.apply(importer.read(list()), new ImportTarget.Existing(meeting.id()), ImportOptions.DEFAULT,
                (d, t) -> { });
        List<Task> stored = db.read(c -> new TaskRepository(db).findByMeeting(meeting.id()));
        Map<Long, String> names = new LinkedHashMap<>();
        new UnitRepository(db).findAll().forEach(u -> names.put(u.id(), u.name()));
        Task t1 = stored.get(0);
        assertEquals("水环境问题", t1.source());
        assertEquals("霍童溪流域\n生活污水直排", t1.problem());
        assertEquals("1.排查沿岸排口\n2.完成截污纳管", t1.measures());
        assertEquals("张副市长", t1.leader());
        assertEquals(LocalDate.of(2026, 6, 30), t1.deadline().dueDate().orElseThrow(), "a date cell gives its date");
        assertEquals(List.of("市生态环境局", "市住房和城乡建设局", "市住房和城乡建设局"),
                stored.stream().map(t -> names.get(t.leadUnitId())).toList());
        assertEquals(LocalDate.of(2026, 12, 31), stored.get(1).deadline().dueDate().orElseThrow());
        assertTrue(stored.get(2).deadline().isOngoing());
        assertEquals("大气环境问题", stored.get(2).source());
    }

    @Test
    void aDamagedOdsOrAnOdtIsNamedAndNothingIsRead() throws Exception {
        Path good = list();
        byte[] bytes = Files.readAllBytes(good);
        Path bad = dir.resolve("坏.ods");
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        LocalizedException e = assertThrows(LocalizedException.class, () -> importer.read(bad));
        assertTrue(e.key().equals("excel.error.odsUnreadable") || e.key().equals("excel.error.unreadable"), e.key());
        assertTrue(e.getLocalizedMessage().contains("坏.ods"), e::getLocalizedMessage);

        Path odt = dir.resolve("通知.odt");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(odt))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write("<x/>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        LocalizedException t = assertThrows(LocalizedException.class, () -> importer.read(odt));
        assertEquals("excel.error.odfText", t.key());
        assertEquals(0, db.read(c -> new TaskRepository(db).findByMeeting(meeting.id())).size());
    }
}
