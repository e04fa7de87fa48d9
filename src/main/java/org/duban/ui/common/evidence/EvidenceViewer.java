package org.duban.ui.common.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FolderOpener;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 预览 of an evidence file. Images (PNG, JPEG, GIF, BMP) and PDFs show in a window with page navigation (上一页 /
 * 下一页, PageUp / PageDown) and zoom (适合窗口, 100%, + / −, Ctrl+wheel, Ctrl+0); PDF pages are rendered one at a
 * time in the background. Other types open in the computer's program from a temporary, read-only copy. The stored
 * bytes are only read: nothing here writes to the ledger.
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
    private final Label pageLabel = new Label();
    private final Label zoomLabel = new Label();
    private final Label message = new Label();
    private final ProgressIndicator rendering = new ProgressIndicator();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final IntegerProperty pages = new SimpleIntegerProperty(1);
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final BooleanProperty fit = new SimpleBooleanProperty(true);
    /** The shown page's size at 100%, in screen pixels. */
    private double naturalWidth;
    private double naturalHeight;
    private PDDocument pdf;
    private PDRectangle[] pageSizes;
    /** Rendered pages by page and resolution (page * 10000 + dpi), the last few kept. */
    private final Map<Integer, Image> rendered = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            return size() > 4;
        }
    };
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

    /** A PDF opened for the preview and the size of each of its pages, turned as shown. */
    private record OpenedPdf(PDDocument document, PDRectangle[] pageSizes) {
    }

    private void show(Window owner, Kind kind, Callable<byte[]> content) {
        this.kind = kind;
        BorderPane root = new BorderPane();
        root.setId("evidenceViewer");
        root.setTop(toolbar(kind == Kind.PDF));
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
        zoomLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(scale.get() * 100) + "%", scale));
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
            runner.run(() -> {
                PDDocument d = Loader.loadPDF(content.call());
                PDRectangle[] sizes = new PDRectangle[d.getNumberOfPages()];
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = d.getPage(i).getCropBox();
                    if (d.getPage(i).getRotation() % 180 != 0) {
                        sizes[i] = new PDRectangle(sizes[i].getHeight(), sizes[i].getWidth());
                    }
                }
                return new OpenedPdf(d, sizes);
            }, r -> {
                pdf = r.document();
                pageSizes = r.pageSizes();
                if (!stage.isShowing()) {
                    closeDocument();
                    return;
                }
                if (pageSizes.length == 0) {
                    rendering.setVisible(false);
                    failed(Messages.tr("evidence.preview.badPdf", fileName));
                    return;
                }
                pages.set(pageSizes.length);
                showPage();
            }, e -> failed(Messages.tr("evidence.preview.badPdf", fileName)));
        }
    }

    private ToolBar toolbar(boolean paged) {
        Button prev = button("evidencePrevious", "evidence.preview.previous", "mdi2c-chevron-left");
        prev.setOnAction(e -> previous());
        prev.disableProperty().bind(page.lessThanOrEqualTo(0));
        Button next = button("evidenceNext", "evidence.preview.next", "mdi2c-chevron-right");
        next.setOnAction(e -> next());
        next.disableProperty().bind(page.greaterThanOrEqualTo(pages.subtract(1)));
        pageLabel.setId("evidencePage");
        pageLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.tr("evidence.preview.page", page.get() + 1, pages.get()), page, pages));
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);

        Button fitButton = button("evidenceFit", "evidence.preview.fit", "mdi2f-fit-to-page-outline");
        fitButton.setOnAction(e -> fitToWindow());
        Button actual = button("evidenceActual", "evidence.preview.actual", "mdi2r-relative-scale");
        actual.setOnAction(e -> {
            fit.set(false);
            scale.set(1);
        });
        Button out = button("evidenceZoomOut", "evidence.preview.zoomOut", "mdi2m-magnify-minus-outline");
        out.setOnAction(e -> zoomBy(1 / 1.25));
        Button in = button("evidenceZoomIn", "evidence.preview.zoomIn", "mdi2m-magnify-plus-outline");
        in.setOnAction(e -> zoomBy(1.25));
        zoomLabel.setId("evidenceZoom");
        zoomLabel.setMinWidth(48);
        zoomLabel.setAlignment(Pos.CENTER);
        Label name = new Label(fileName);
        name.getStyleClass().add("hint-label");
        name.setMinWidth(0);

        ToolBar bar = new ToolBar();
        if (paged) {
            bar.getItems().addAll(prev, pageLabel, next, new Separator(javafx.geometry.Orientation.VERTICAL));
        }
        bar.getItems().addAll(fitButton, actual, out, zoomLabel, in, new Separator(javafx.geometry.Orientation.VERTICAL), name);
        return bar;
    }

    private static Button button(String id, String key, String icon) {
        Button b = icon == null ? new Button(Messages.tr(key)) : new Button(Messages.tr(key), new FontIcon(icon));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        b.setTooltip(new Tooltip(Messages.tr(key + ".tip")));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(false);
        return b;
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
        PDRectangle size = pageSizes[p];
        naturalWidth = size.getWidth() / 72 * SCREEN_DPI;
        naturalHeight = size.getHeight() / 72 * SCREEN_DPI;
        if (fit.get()) {
            fitToWindow(); // the scale for this page's shape, before choosing its resolution
        }
        int dpi = dpiFor(scale.get());
        Image cached = rendered.get(p * 10000 + dpi);
        if (cached != null) {
            shownDpi = dpi;
            view.setImage(cached);
            rendering.setVisible(false);
            applyFitOrScale();
            return;
        }
        if (view.getImage() == null || pending == p) {
            rendering.setVisible(true);
        }
        if (pending >= 0) {
            return; // one page at a time: when it lands, the page and zoom asked for last are rendered
        }
        pending = p;
        PDDocument doc = pdf;
        runner.run(() -> {
            synchronized (doc) {
                BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(p, dpi, ImageType.RGB);
                return SwingFXUtils.toFXImage(img, null);
            }
        }, img -> {
            pending = -1;
            rendered.put(p * 10000 + dpi, img);
            if (page.get() == p && dpiFor(scale.get()) == dpi) {
                shownDpi = dpi;
                view.setImage(img);
                rendering.setVisible(false);
                applyFitOrScale();
            } else if (pdf != null) {
                showPage();
            }
        }, e -> {
            pending = -1;
            failed(Messages.tr("evidence.preview.badPage", p + 1, fileName));
        });
    }

    private Kind kind;

    /** The page asked of the renderer, or -1. */
    private int pending = -1;

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

    private void zoomBy(double factor) {
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
            PDDocument d = pdf;
            pdf = null;
            rendered.clear();
            runner.run(() -> {
                synchronized (d) {
                    d.close();
                }
                return d;
            }, d2 -> { }, e -> { });
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
