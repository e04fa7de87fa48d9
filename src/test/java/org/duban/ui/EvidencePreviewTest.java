package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.duban.model.Evidence;
import org.duban.persistence.Database;
import org.duban.persistence.EvidenceRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tracking.EvidenceService;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.evidence.EvidenceViewer;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;
import org.duban.ui.tasks.detail.DetailServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 23: 预览 of evidence from the task detail: a PNG and a 2-page PDF show in the viewer window (page 2 after
 * PageDown, zoom changes the scale), other types go to the system's program from a temporary copy, and the stored
 * bytes are the same afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class EvidencePreviewTest {
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Evidence png;
    private Evidence pdf;
    private long seq;
    private long unitId;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-preview");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 29)));
        String[] p = TestDb.sqlString(db.file(), "SELECT t.seq || '|' || a.unit_id || '|' || a.id FROM assignment a "
                + "JOIN task t ON t.id = a.task_id WHERE a.withdrawn_on IS NULL AND t.meeting_id = "
                + "(SELECT min(id) FROM meeting) ORDER BY t.seq, a.id LIMIT 1").split("\\|");
        seq = Long.parseLong(p[0]);
        unitId = Long.parseLong(p[1]);
        List<Evidence> added = Wired.of(audit).evidence().attach(Long.parseLong(p[2]), null, null, List.of(
                new EvidenceService.Upload("整改后照片.png", png(400, 300)),
                new EvidenceService.Upload("验收报告.pdf", pdf())));
        png = added.get(0);
        pdf = added.get(1);
        TaskRunner runner = TaskRunner.direct();
        TaskListViewModel vm = new TaskListViewModel(Wired.of(audit).tasks(), Wired.of(db).meetings(), runner, dialogs);
        TaskListView view = new TaskListView(vm, DetailServices.of(Wired.of(audit), runner, dialogs));
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Two pages of different shapes: A4 portrait, then A4 landscape, so the shown page can be told apart. */
    static byte[] pdf() throws Exception {
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage(PDRectangle.A4));
            d.addPage(new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            return out.toByteArray();
        }
    }

    private String storedHash(Evidence e) {
        return EvidenceService.sha256(new EvidenceRepository(db).content(e.id()).orElseThrow());
    }

    private void openCloseOutTab(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<ChecklistRow> t = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> {
            t.getItems().stream().filter(r -> r.task().seq() == seq).findFirst()
                    .ifPresent(r -> t.getSelectionModel().select(r));
            t.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#unit-" + unitId);
        robot.clickOn("#closeOutTab");
    }

    private Node row(FxRobot robot, Evidence e) {
        @SuppressWarnings("unchecked")
        TableView<Evidence> t = robot.lookup("#evidenceTable").queryAs(TableView.class);
        robot.interact(() -> t.getItems().stream().filter(x -> x.id() == e.id()).findFirst().ifPresent(t::scrollTo));
        return robot.lookup("#evidenceTable").lookup(".table-row-cell").match((TableRow<Evidence> r) ->
                r.getItem() != null && r.getItem().id() == e.id()).query();
    }

    private Stage viewerWindow() {
        List<Window> open = new ArrayList<>(Window.getWindows());
        return open.stream().filter(w -> w instanceof Stage s && s.getScene() != null
                && s.getScene().lookup("#evidenceViewer") != null).map(w -> (Stage) w).findFirst().orElse(null);
    }

    private ImageView image(Stage viewer) {
        return (ImageView) viewer.getScene().lookup("#evidenceImage");
    }

    @Test
    void doubleClickingAPhotoShowsItAndLeavesTheStoredFileAsItWas(FxRobot robot) {
        String before = storedHash(png);
        openCloseOutTab(robot);
        robot.doubleClickOn(row(robot, png));
        WaitForAsyncUtils.waitForFxEvents();
        Stage viewer = viewerWindow();
        assertNotNull(viewer, "a viewer window opens");
        ImageView v = image(viewer);
        assertNotNull(v.getImage(), "the image is shown");
        assertEquals(400, v.getImage().getWidth());
        assertTrue(viewer.getTitle().contains("整改后照片.png"), viewer.getTitle());
        assertEquals(List.of(), dialogs.errors);
        robot.interact(viewer::close);
        assertEquals(before, storedHash(png), "the stored file is unchanged");
        assertEquals(png.sha256(), storedHash(png));
    }

    @Test
    void aPdfShowsPageByPageAndZooms(FxRobot robot) {
        String before = storedHash(pdf);
        openCloseOutTab(robot);
        robot.clickOn(row(robot, pdf));
        robot.clickOn("#previewEvidenceButton");
        WaitForAsyncUtils.waitForFxEvents();
        Stage viewer = viewerWindow();
        assertNotNull(viewer);
        Label page = (Label) viewer.getScene().lookup("#evidencePage");
        assertEquals("第 1 / 2 页", page.getText());
        ImageView v = image(viewer);
        assertNotNull(v.getImage());
        assertTrue(v.getImage().getHeight() > v.getImage().getWidth(), "page 1 is portrait");

        robot.interact(viewer::requestFocus);
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("第 2 / 2 页", page.getText());
        assertTrue(v.getImage().getWidth() > v.getImage().getHeight(), "page 2 (landscape) is shown");

        Label zoom = (Label) viewer.getScene().lookup("#evidenceZoom");
        robot.clickOn(viewer.getScene().lookup("#evidenceActual"));
        assertEquals("100%", zoom.getText());
        double width100 = v.getFitWidth();
        robot.clickOn(viewer.getScene().lookup("#evidenceZoomIn"));
        assertEquals("125%", zoom.getText());
        assertEquals(width100 * 1.25, v.getFitWidth(), 0.5, "zoom changes the shown size");
        robot.clickOn(viewer.getScene().lookup("#evidenceZoomOut"));
        robot.clickOn(viewer.getScene().lookup("#evidenceZoomOut"));
        assertEquals("80%", zoom.getText());
        robot.clickOn(viewer.getScene().lookup("#evidenceFit"));
        assertTrue(v.getFitWidth() <= viewer.getScene().getWidth(), "fit: the page is within the window");

        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("第 1 / 2 页", page.getText());
        robot.interact(viewer::close);
        assertEquals(before, storedHash(pdf));
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void otherTypesOpenInTheSystemsProgramFromAReadOnlyCopy(FxRobot robot) throws Exception {
        byte[] doc = "整改方案".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Path> opened = new ArrayList<>();
        robot.interact(() -> assertNull(EvidenceViewer.open(null, "整改方案.docx", null, () -> doc,
                TaskRunner.direct(), dialogs, (file, failed) -> opened.add(file))));
        assertEquals(1, opened.size());
        Path copy = opened.get(0);
        assertEquals("整改方案.docx", copy.getFileName().toString());
        assertTrue(java.util.Arrays.equals(doc, Files.readAllBytes(copy)));
        assertTrue(!Files.getPosixFilePermissions(copy).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                "the copy is read-only");
        assertEquals(EvidenceViewer.Kind.IMAGE, EvidenceViewer.kindOf("现场.JPG", null));
        assertEquals(EvidenceViewer.Kind.PDF, EvidenceViewer.kindOf("报告.pdf", "application/pdf"));
        assertEquals(EvidenceViewer.Kind.OTHER, EvidenceViewer.kindOf("方案.docx", null));
    }
}
