package org.duban.service.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.handout.FontPreference;
import org.duban.service.stats.DepartmentRank;
import org.duban.service.tasks.TaskService;
import org.duban.service.tracking.TaskTracking;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the bulletin names each listed task's 牵头单位, and its 市直部门 table ranks the city departments by the
 * tasks they lead as well as the shares they carry: a department that carries nothing but leads a task is ranked
 * too. Read back from the .docx and the PDF.
 */
class BulletinLeadUnitTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    static Path dir;
    private static Database db;
    private static Bulletin bulletin;
    private static Task overdueLed;

    @BeforeAll
    static void sampleWithLeadUnits() {
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(DAY));
        Bulletin before = Wired.of(audit).bulletins().prepare(null, DAY);
        assertFalse(before.overdue().isEmpty(), "the sample has overdue tasks on " + DAY);
        List<Unit> roster = new UnitRepository(db).findAll();
        TaskService tasks = Wired.of(db).tasks();
        // an overdue task led by 市林业局, a department that carries no share in the sample
        List<Long> supervised = before.supervised().stream().map(t -> t.task().id()).toList();
        overdueLed = lead(tasks, roster, before.overdue().stream().map(t -> t.task().id())
                .filter(id -> !supervised.contains(id)).findFirst().orElseThrow(), "市林业局");
        // a supervised task led by 市生态环境局, which carries shares of its own too
        lead(tasks, roster, before.supervised().get(0).task().id(), "市生态环境局");
        bulletin = Wired.of(audit).bulletins().prepare(null, DAY);
    }

    private static Task lead(TaskService tasks, List<Unit> roster, long taskId, String unit) {
        Task t = new TaskRepository(db).findById(taskId).orElseThrow();
        return tasks.update(taskId, TaskService.toInput(t,
                roster.stream().filter(u -> t.unitIds().contains(u.id())).toList(), unit));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static DepartmentRank rank(String name) {
        return bulletin.departmentRanks().stream().filter(d -> d.unit().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not ranked: " + bulletin.departmentRanks()));
    }

    @Test
    void theDepartmentsAreRankedByWhatTheyLeadAndWhatTheyCarry() {
        DepartmentRank forestry = rank("市林业局");
        assertEquals(1, forestry.led());
        assertEquals(0, forestry.carried(), "it carries nothing, and is ranked for what it leads");
        assertEquals(1, forestry.ledOverdue());
        assertEquals(0.0, forestry.rate());
        DepartmentRank eco = rank("市生态环境局");
        assertEquals(1, eco.led());
        assertTrue(eco.carried() > 0, "the shares it carries count too");
        for (int i = 1; i < bulletin.departmentRanks().size(); i++) {
            assertTrue(bulletin.departmentRanks().get(i - 1).rate() >= bulletin.departmentRanks().get(i).rate(),
                    "best rate first");
        }
        String text = BulletinService.document(bulletin).text();
        TaskTracking listed = bulletin.overdue().stream().filter(t -> t.task().id() == overdueLed.id()).findFirst()
                .orElseThrow();
        assertTrue(text.contains("序号" + listed.task().seq() + "　"), text);
        assertTrue(text.contains("（牵头单位：市林业局；完成时限："), "the overdue task names its lead unit: " + text);
        assertTrue(text.contains("（牵头单位：市生态环境局；督办领导："), "the supervised task names its lead unit");
    }

    @Test
    void theDocxHasTheDepartmentTableWithLedAndCarried() throws Exception {
        Path file = dir.resolve("通报.docx");
        BulletinService.write(bulletin, file, FontPreference.BUNDLED);
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFTable> tables = doc.getTables();
            assertEquals(2, tables.size(), "counties, then city departments");
            XWPFTable departments = tables.get(1);
            assertEquals(List.of("排名", "单位", "牵头任务", "牵头完成", "承担项次", "承担完成", "超期", "完成率"),
                    departments.getRow(0).getTableCells().stream().map(c -> c.getText()).toList());
            assertEquals(bulletin.departmentRanks().size() + 1, departments.getNumberOfRows());
            for (int i = 0; i < bulletin.departmentRanks().size(); i++) {
                DepartmentRank d = bulletin.departmentRanks().get(i);
                XWPFTableRow row = departments.getRow(i + 1);
                assertEquals(String.valueOf(d.rank()), row.getCell(0).getText());
                assertEquals(d.unit().name(), row.getCell(1).getText());
                assertEquals(String.valueOf(d.led()), row.getCell(2).getText());
                assertEquals(String.valueOf(d.carried()), row.getCell(4).getText());
                assertEquals(BulletinText.percent(d.rate()), row.getCell(7).getText());
            }
            XWPFTableRow last = departments.getRow(departments.getNumberOfRows() - 1);
            assertEquals("市林业局", last.getCell(1).getText(), "0% of one led task: last");
            assertEquals("1", last.getCell(6).getText(), "its overdue led task");
        }
    }

    @Test
    void thePdfShowsTheSame() throws Exception {
        Path file = dir.resolve("通报.pdf");
        BulletinService.write(bulletin, file, FontPreference.BUNDLED);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertTrue(text.contains("牵头任务牵头完成承担项次承担完成"), text);
            assertTrue(text.contains("市林业局"), text);
            assertTrue(text.contains("牵头单位：市林业局；完成时限："), text);
        }
        String keep = System.getProperty("duban.keep");
        if (keep != null) { // to look at the pages: -Dduban.keep=/some/dir
            Files.createDirectories(Path.of(keep));
            Files.copy(file, Path.of(keep, "通报-牵头单位.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
