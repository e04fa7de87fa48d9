package org.duban.ui.common.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FolderOpener;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;

/**
 * 预览 of an evidence file. Images (PNG, JPEG, GIF, BMP) and PDFs show in a window with page navigation (上一页 /
 * 下一页, PageUp / PageDown) and zoom (适合窗口, 100%, + / −, Ctrl+wheel, Ctrl+0); PDF pages are rendered one at a
 * time in the background. Other types open in the computer's program from a temporary, read-only copy. The stored
 * bytes are only read: nothing here writes to the ledger. The toolbar is {@link ViewerToolbar}; the PDF, its page
 * sizes and its rendered pages are {@link PdfPages}.
 */
public final class EvidenceViewer {
    /** How a file is shown. */
    public enum Kind { IMAGE, PDF, OTHER }

    /** Dots per inch at which 100% shows a PDF page (its size on paper, on a usual screen). */
    static final double SCREEN_DPI = 96;
    /** PDF pages are rendered at the shown size, in steps of this many dpi (a zoom within a step re-uses it). */
    static final int DPI_STEP = 24;
    static final int MAX_DPI = 432;
    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 4;

    private final String fileName;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Stage stage = new Stage();
    private final ImageView view = new ImageView();
    private final ScrollPane scroll = new ScrollPane();
    private final Label message = new Label();
    private final ProgressIndicator rendering = new ProgressIndicator();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final IntegerProperty pages = new SimpleIntegerProperty(1);
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final BooleanProperty fit = new SimpleBooleanProperty(true);
    /** The shown page's size at 100%, in screen pixels. */
    private double naturalWidth;
    private double naturalHeight;
    private Kind kind;
    /** The PDF shown (null for an image, and once the window is closed). */
    private PdfPages pdf;
    /** The resolution of the page image shown, so that a zoom re-renders only when it needs more or fewer dots. */
    private int shownDpi;

    private EvidenceViewer(String fileName, TaskRunner runner, DialogService dialogs) {
        this.fileName = fileName;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** IMAGE, PDF or OTHER, by the file's name (and its stored media type when the name says nothing). */
    public static Kind kindOf(String fileName, String mediaType) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String ext = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "png", "jpg", "jpeg", "gif", "bmp" -> Kind.IMAGE;
            case "pdf" -> Kind.PDF;
            case "" -> "application/pdf".equals(mediaType) ? Kind.PDF
                    : mediaType != null && mediaType.matches("image/(png|jpeg|gif|bmp)") ? Kind.IMAGE : Kind.OTHER;
            default -> Kind.OTHER;
        };
    }

    /**
     * Shows a stored file: images and PDFs in a viewer window (returned), other types in the computer's program
     * from a read-only temporary copy (then null). {@code content} is read in the background.
     */
    public static EvidenceViewer open(Window owner, String fileName, String mediaType, Callable<byte[]> content,
                                      TaskRunner runner, DialogService dialogs, FolderOpener opener) {
        Kind kind = kindOf(fileName, mediaType);
        if (kind == Kind.OTHER) {
            runner.run(() -> temporaryCopy(fileName, content.call()), copy -> opener.open(copy, e ->
                    javafx.application.Platform.runLater(() -> dialogs.showError(Messages.tr("evidence.preview.title"),
                            Messages.tr("evidence.preview.cannotOpen", fileName, copy.getParent()), e))),
                    e -> dialogs.showError(Messages.tr("evidence.preview.title"), DialogService.messageOf(e), e));
            return null;
        }
        EvidenceViewer v = new EvidenceViewer(fileName, runner, dialogs);
        v.show(owner, kind, content);
        return v;
    }

    /** A copy of the bytes under the file's own name in a new temporary folder, read-only, gone when the JVM ends. */
    static Path temporaryCopy(String fileName, byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("duban-evidence-");
        String safe = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        Path copy = dir.resolve(safe.isBlank() ? "evidence" : safe);
        Files.write(copy, bytes);
        copy.toFile().setReadOnly();
        copy.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return copy;
    }

    private void show(Window owner, Kind kind, Callable<byte[]> content) {
        this.kind = kind;
        BorderPane root = new BorderPane();
        root.setId("evidenceViewer");
        root.setTop(ViewerToolbar.of(this, kind == Kind.PDF, fileName));
        view.setId("evidenceImage");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane canvas = new StackPane(view);
        canvas.setId("evidenceCanvas");
        canvas.setPadding(new Insets(12));
        canvas.minWidthProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getWidth(),
                scroll.viewportBoundsProperty()));
        canvas.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        canvas.getStyleClass().add("evidence-canvas");
        scroll.setContent(canvas);
        scroll.setPannable(true);
        scroll.setId("evidenceScroll");
        message.setId("evidenceMessage");
        message.setWrapText(true);
        message.setMaxWidth(480);
        message.setVisible(false);
        rendering.setMaxSize(48, 48);
        StackPane center = new StackPane(scroll, message, rendering);
        root.setCenter(center);

        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (fit.get()) {
                fitToWindow();
            }
        });
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                zoomBy(e.getDeltaY() > 0 ? 1.25 : 1 / 1.25);
                e.consume();
            }
        });
        scale.addListener((o, a, b) -> {
            applyScale();
            if (pdf != null && dpiFor(scale.get()) != shownDpi) {
                showPage();
            }
        });
        page.addListener((o, a, b) -> showPage());

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1100, screen.getWidth() * 0.9), Math.min(900, screen.getHeight() * 0.9));
        Theme.style(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode c = e.getCode();
            if (c == KeyCode.PAGE_DOWN) {
                next();
            } else if (c == KeyCode.PAGE_UP) {
                previous();
            } else if (c == KeyCode.ESCAPE) {
                stage.close();
            } else if (e.isShortcutDown() && (c == KeyCode.PLUS || c == KeyCode.ADD || c == KeyCode.EQUALS)) {
                zoomBy(1.25);
            } else if (e.isShortcutDown() && (c == KeyCode.MINUS || c == KeyCode.SUBTRACT)) {
                zoomBy(1 / 1.25);
            } else if (e.isShortcutDown() && (c == KeyCode.DIGIT0 || c == KeyCode.NUMPAD0)) {
                fitToWindow();
            } else {
                return;
            }
            e.consume();
        });
        stage.setScene(scene);
        stage.setTitle(Messages.tr("evidence.preview.windowTitle", fileName));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(e -> closeDocument());
        stage.show();

        rendering.setVisible(true);
        if (kind == Kind.IMAGE) {
            runner.run(() -> new Image(new ByteArrayInputStream(content.call())), img -> {
                rendering.setVisible(false);
                if (img.isError() || img.getWidth() <= 0) {
                    failed(Messages.tr("evidence.preview.badImage", fileName));
                    return;
                }
                naturalWidth = img.getWidth();
                naturalHeight = img.getHeight();
                view.setImage(img);
                fitToWindow();
            }, e -> failed(DialogService.messageOf(e)));
        } else {
            runner.run(() -> PdfPages.load(content.call()), r -> {
                pdf = r;
                if (!stage.isShowing()) {
                    closeDocument();
                    return;
                }
                if (pdf.count() == 0) {
                    rendering.setVisible(false);
                    failed(Messages.tr("evidence.preview.badPdf", fileName));
                    return;
                }
                pages.set(pdf.count());
                showPage();
            }, e -> failed(Messages.tr("evidence.preview.badPdf", fileName)));
        }
    }

    private void failed(String text) {
        rendering.setVisible(false);
        view.setImage(null);
        message.setText(text);
        message.setVisible(true);
    }

    /** Renders (or takes from the cache) the current page and shows it. */
    private void showPage() {
        if (pdf == null) {
            return;
        }
        int p = page.get();
        PDRectangle size = pdf.size(p);
        naturalWidth = size.getWidth() / 72 * SCREEN_DPI;
        naturalHeight = size.getHeight() / 72 * SCREEN_DPI;
        if (fit.get()) {
            fitToWindow(); // the scale for this page's shape, before choosing its resolution
        }
        int dpi = dpiFor(scale.get());
        Image cached = pdf.cached(p, dpi);
        if (cached != null) {
            shownDpi = dpi;
            view.setImage(cached);
            rendering.setVisible(false);
            applyFitOrScale();
            return;
        }
        if (view.getImage() == null || pdf.pending() == p) {
            rendering.setVisible(true);
        }
        if (pdf.pending() >= 0) {
            return; // one page at a time: when it lands, the page and zoom asked for last are rendered
        }
        pdf.render(runner, p, dpi, img -> {
            if (page.get() == p && dpiFor(scale.get()) == dpi) {
                shownDpi = dpi;
                view.setImage(img);
                rendering.setVisible(false);
                applyFitOrScale();
            } else if (pdf != null) {
                showPage();
            }
        }, e -> failed(Messages.tr("evidence.preview.badPage", p + 1, fileName)));
    }

    /** The resolution that shows a page sharp at {@code scale} on this screen, in steps of {@link #DPI_STEP}. */
    private int dpiFor(double scale) {
        double outputScale = stage.getOutputScaleX() > 0 ? stage.getOutputScaleX() : 1;
        int dpi = (int) Math.ceil(SCREEN_DPI * scale * outputScale / DPI_STEP) * DPI_STEP;
        return Math.max(DPI_STEP * 2, Math.min(MAX_DPI, dpi));
    }

    private void applyFitOrScale() {
        if (fit.get()) {
            fitToWindow();
        } else {
            applyScale();
        }
    }

    private void applyScale() {
        view.setFitWidth(naturalWidth * scale.get());
        view.setFitHeight(naturalHeight * scale.get());
    }

    /** 适合窗口: the whole page in the window (never larger than 100% for a small image). */
    public void fitToWindow() {
        fit.set(true);
        double w = scroll.getViewportBounds().getWidth() - 24;
        double h = scroll.getViewportBounds().getHeight() - 24;
        if (naturalWidth <= 0 || w <= 0 || h <= 0) {
            return;
        }
        double s = Math.min(w / naturalWidth, h / naturalHeight);
        if (kind == Kind.IMAGE) {
            s = Math.min(1, s); // a small photo is not blown up past its own pixels
        }
        scale.set(clamp(s));
        applyScale();
    }

    /** 100%: the page at its size on paper (an image at its own pixels). */
    void actualSize() {
        fit.set(false);
        scale.set(1);
    }

    void zoomBy(double factor) {
        fit.set(false);
        scale.set(clamp(scale.get() * factor));
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    public void next() {
        if (page.get() < pages.get() - 1) {
            page.set(page.get() + 1);
        }
    }

    public void previous() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
        }
    }

    private void closeDocument() {
        if (pdf != null) {
            PdfPages d = pdf;
            pdf = null;
            d.close(runner);
        }
    }

    /** The page shown, from 0. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyIntegerProperty pagesProperty() {
        return pages;
    }

    /** The zoom: 1 is 100%. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale;
    }

    public Stage stage() {
        return stage;
    }

    /** What the window shows: the image of the current page (null while rendering or when it failed). */
    public ImageView imageView() {
        return view;
    }
}
