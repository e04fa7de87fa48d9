package org.duban.service.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.service.audit.AuditLog;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutText;
import org.duban.service.meetings.MeetingService;
import org.duban.testing.LaterTasks;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meeting pack of the sample's autumn 推进会: every expected file, each readable. */
class MeetingPackServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private AuditLog audit;

    @BeforeEach
    void sample() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 29)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Meeting push() {
        return Wired.of(audit).meetings().all().stream().filter(m -> m.kind() == MeetingKind.PUSH).findFirst()
                .orElseThrow();
    }

    private static Set<String> files(Path folder) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(Files::isRegularFile).forEach(p -> names.add(folder.relativize(p).toString().replace('\\', '/')));
        }
        return names;
    }

    /** The share of pixels (sampled every 4th) that differ from the corner's background. */
    private static double inked(BufferedImage img) {
        int background = img.getRGB(2, 2);
        int n = 0;
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                n++;
                inked += img.getRGB(x, y) != background ? 1 : 0;
            }
        }
        return (double) inked / n;
    }

    @Test
    void theBulletinIsRecordedAsIssuedOnlyOnceItsFilesExist() throws Exception {
        Meeting m = push();
        String issued = "SELECT group_concat(id || ' ' || as_of || ' ' || issued_at, '; ') FROM bulletin";
        String before = TestDb.sqlString(db, issued);
        Path folder = dir.resolve("out").resolve("2026-09-29 推进会");
        Files.createDirectories(folder.resolve("通报-2026-09-29.docx")); // the Word file cannot be written
        assertThrows(LocalizedException.class, () -> Wired.of(audit).meetingPacks().write(m.id(), dir.resolve("out"),
                MeetingPackService.Progress.NONE));
        assertEquals(before, TestDb.sqlString(db, issued), "no bulletin recorded that nobody holds");
    }

    @Test
    void thePackHoldsEveryExpectedFile() throws Exception {
        Meeting m = push();
        List<String> steps = new ArrayList<>();
        MeetingPackService.Result r = Wired.of(audit).meetingPacks().write(m.id(), dir.resolve("out"),
                (done, total, step) -> steps.add(done + "/" + total));
        Path folder = dir.resolve("out").resolve("2026-09-29 推进会");
        assertEquals(folder, r.folder());
        assertEquals(LocalDate.of(2026, 9, 29), r.asOf(), "counted as of the meeting's day");

        HandoutService handouts = Wired.of(db).handouts();
        List<HandoutService.UnitHandout> units = handouts.units(handouts.read(m, r.asOf()));
        Set<String> expected = new TreeSet<>();
        units.forEach(u -> expected.add("任务清单/" + HandoutService.fileName(u.unit().name())));
        expected.add("任务清单/任务清单-合订本.pdf");
        expected.addAll(List.of("通报-2026-09-29.pdf", "通报-2026-09-29.docx", "台账-2026-09-29.xlsx",
                "图表/1-完成率排名.png", "图表/2-各单位任务进展.png", "图表/3-各单位红黄绿灯.png",
                "图表/4-完成和销号趋势.png", "图表/5-各来源任务进展.png"));
        assertEquals(expected, files(folder));
        assertEquals(expected.size(), r.files().size());
        assertEquals(units.size(), r.units());
        assertTrue(steps.get(steps.size() - 1).startsWith(expected.size() + "/"), "progress ends at the last step");

        for (String png : expected.stream().filter(n -> n.endsWith(".png")).toList()) {
            BufferedImage img = ImageIO.read(folder.resolve(png).toFile());
            assertEquals(1920, img.getWidth(), png);
            assertEquals(1080, img.getHeight(), png);
            assertTrue(inked(img) > 0.01, png + " is not blank: " + inked(img));
        }
        try (InputStream in = Files.newInputStream(folder.resolve("通报-2026-09-29.docx"));
             XWPFDocument doc = new XWPFDocument(in)) {
            assertEquals(r.bulletin().counties().rows().size() + 1, doc.getTables().get(0).getNumberOfRows());
        }
        try (InputStream in = Files.newInputStream(folder.resolve("台账-2026-09-29.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(45, wb.getSheetAt(0).getLastRowNum() - 1, "the assignment meeting's 45 tasks");
        }
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM bulletin WHERE as_of = '2026-09-29'"),
                "the pack's bulletin replaces the one issued for that day");
    }

    /** Issue 23: the pack's papers carry the audit head (留痕校验), and the issued bulletin keeps it. */
    @Test
    void thePacksBulletinAndHandoutsCarryTheAuditHeadTheBulletinKeeps() throws Exception {
        Meeting m = push();
        org.duban.persistence.AuditChain.Head head = org.duban.persistence.AuditChain.head(db);
        MeetingPackService.Result r = Wired.of(audit).meetingPacks().write(m.id(), dir.resolve("out"),
                MeetingPackService.Progress.NONE);
        // the head as the pack read the ledger (issuing its bulletin then adds a row of its own)
        String printed = "留痕校验" + head.shortHash() + "/第" + head.row() + "条";
        for (String pdf : List.of("通报-2026-09-29.pdf", "任务清单/任务清单-合订本.pdf")) {
            try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(
                    r.folder().resolve(pdf).toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", "");
                assertTrue(text.contains(printed), pdf + " carries " + printed);
            }
        }
        try (InputStream in = Files.newInputStream(r.folder().resolve("通报-2026-09-29.docx"));
             XWPFDocument doc = new XWPFDocument(in)) {
            String text = new XWPFWordExtractor(doc).getText().replaceAll("\\s+", "");
            assertTrue(text.contains(printed), "the Word bulletin carries " + printed);
        }
        assertEquals(head.hash(), TestDb.sqlString(db, "SELECT audit_hash FROM bulletin WHERE as_of = "
                + "'2026-09-29' AND audit_row = " + head.row()), "kept with the issued bulletin");
    }

    @Test
    void aPastMeetingsLedgerIsOfTheMeetingsDayAndAgreesWithItsBulletin() throws Exception {
        Task later = LaterTasks.fromFinding(db, LocalDate.of(2026, 10, 20));
        Meeting push = push();
        MeetingPackService.Result r = Wired.of(audit).meetingPacks().write(push.id(), dir.resolve("out"),
                MeetingPackService.Progress.NONE);
        LocalDate day = LocalDate.of(2026, 9, 29);
        List<Task> then = Wired.of(audit).tracking().tasksOn(TaskScope.meeting(later.meetingId()), day);
        List<Task> today = Wired.of(audit).tracking().tasksToday(later.meetingId());
        try (InputStream in = Files.newInputStream(r.folder().resolve("台账-2026-09-29.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            assertTrue(title.contains("截至2026-09-29（状态为当日情况）"), title);
            assertTrue(title.contains("导出日期：2026-11-29"), title);
            assertTrue(title.contains("共 45 项"), title);
            assertEquals(r.bulletin().stats().tasks(), sheet.getLastRowNum() - 1,
                    "the ledger lists the tasks the bulletin counts: not the finding's task issued after the meeting");
            int status = column(sheet.getRow(1), "状态");
            int seq = column(sheet.getRow(1), "序号");
            int differ = 0;
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                int n = Integer.parseInt(row.getCell(seq).getStringCellValue());
                assertTrue(n != later.seq(), "the finding's task is not in the ledger of 2026-09-29");
                Task t = then.stream().filter(x -> x.seq() == n).findFirst().orElseThrow();
                assertEquals(HandoutText.tr("status." + t.status().name()), row.getCell(status).getStringCellValue(),
                        "序号 " + n + " as it stood on 2026-09-29");
                Task now = today.stream().filter(x -> x.seq() == n).findFirst().orElseThrow();
                differ += now.status() != t.status() ? 1 : 0;
            }
            assertTrue(differ > 0, "the sample moved on after the meeting, so the day's statuses show");
        }
    }

    @Test
    void theAssignmentMeetingsPackHandsOutWhatWasIssuedThereAndItsBulletinIsAnUnnumberedDraft() throws Exception {
        Task later = LaterTasks.fromFinding(db, LocalDate.of(2026, 10, 20));
        Meeting assignment = Wired.of(audit).meetings().find(later.meetingId()).orElseThrow();
        long bulletins = TestDb.sqlLong(db, "SELECT count(*) FROM bulletin");
        MeetingPackService.Result r = Wired.of(audit).meetingPacks().write(assignment.id(), dir.resolve("out"),
                MeetingPackService.Progress.NONE);
        assertEquals(LocalDate.of(2026, 3, 19), r.asOf());
        assertTrue(r.bulletin().isDraft(), "bulletins of July and September went out as issues 1 and 2");
        assertEquals(bulletins, TestDb.sqlLong(db, "SELECT count(*) FROM bulletin"), "the draft is not issued");
        try (InputStream in = Files.newInputStream(r.folder().resolve("通报-2026-03-19.docx"));
             XWPFDocument doc = new XWPFDocument(in)) {
            String text = new XWPFWordExtractor(doc).getText();
            assertTrue(text.contains("第　　期（草稿）"), text.substring(0, 80));
        }
        HandoutService handouts = Wired.of(db).handouts();
        HandoutService.MeetingData data = handouts.read(assignment, r.asOf());
        assertEquals(45, data.tasks().size(), "the finding's task was issued in October, not at the meeting");
        long dongqiao = TestDb.sqlLong(db, "SELECT id FROM unit WHERE name = '东侨经济技术开发区'");
        long atTheMeeting = TestDb.sqlLong(db, "SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id "
                + "WHERE a.unit_id = " + dongqiao + " AND t.issued_on IS NULL");
        assertEquals(atTheMeeting, handouts.units(data).stream().filter(u -> u.unit().id() == dongqiao)
                .findFirst().orElseThrow().tasks());
        assertEquals(r.bulletin().stats().tasks(), data.tasks().size(), "handouts, ledger and bulletin agree");
    }

    private static int column(Row header, String name) {
        for (int c = 0; c < header.getLastCellNum(); c++) {
            if (header.getCell(c).getStringCellValue().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aMeetingWithNothingToHandOutIsRefusedAndWritesNoFolder() {
        MeetingService meetings = Wired.of(audit).meetings();
        MeetingDetails empty = meetings.save(meetings.draft(MeetingKind.REVIEW, LocalDate.of(2026, 11, 29))
                .withReviewedTasks(List.of()));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> Wired.of(audit).meetingPacks().write(empty.id(), dir.resolve("none"), MeetingPackService.Progress.NONE));
        assertEquals("pack.error.noTasks", e.key());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    @Test
    void aMeetingStillToComeIsCountedAsOfToday() {
        MeetingService meetings = Wired.of(audit).meetings();
        MeetingDetails next = meetings.save(meetings.draft(MeetingKind.PUSH, LocalDate.of(2026, 12, 3)));
        assertEquals(LocalDate.of(2026, 11, 29), Wired.of(audit).meetingPacks().asOf(next.meeting()));
        assertEquals("2026-12-03 推进会", MeetingPackService.folderName(next.meeting()));
    }
}
