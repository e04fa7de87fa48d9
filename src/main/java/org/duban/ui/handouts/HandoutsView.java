package org.duban.ui.handouts;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.service.handout.HandoutLayout;
import org.duban.service.handout.HandoutService.UnitHandout;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.handout.LayoutPage;
import org.duban.service.handout.MarginPreset;
import org.duban.service.handout.PageOrientation;
import org.duban.ui.common.Choice;
import org.duban.ui.common.MeetingChoice;
import org.duban.ui.common.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The handout screen (讲义打印): choose meeting and unit, see the pages as they will print (zoom, page
 * thumbnails, page turning), set the sheet, and print or save one unit or the whole batch.
 */
public final class HandoutsView {
    private final HandoutsViewModel vm;
    private final HandoutPrinter printer;
    private final BorderPane root = new BorderPane();
    private final PagePreview preview;

    public HandoutsView(HandoutsViewModel vm, TaskRunner runner) {
        this.vm = vm;
        this.printer = new HandoutPrinter(runner);
        this.preview = new PagePreview(vm);
        root.setId("handoutsView");
        root.setPadding(new Insets(16, 16, 8, 16));
        root.setTop(header());
        root.setCenter(preview.root());
        root.setBottom(pageBar());
        BorderPane.setMargin(root.getCenter(), new Insets(8, 0, 0, 0));
        installKeys();
    }

    public Region root() {
        return root;
    }

    private VBox header() {
        Label title = new Label(Messages.tr("handouts.title"));
        title.getStyleClass().add("screen-title");

        ComboBox<Meeting> meeting = MeetingChoice.create(vm.meetings(), vm.meetingProperty(), 360);

        ComboBox<UnitHandout> unit = new ComboBox<>(vm.units());
        unit.setId("unitChoice");
        unit.setAccessibleText(Messages.tr("handouts.unit"));
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        unit.setButtonCell(new UnitCell());
        unit.setCellFactory(lv -> new UnitCell());
        unit.setVisibleRowCount(20);
        unit.setPrefWidth(230);
        meeting.setMinWidth(160); // on a narrow window the two choices give way (their lists show whole)
        unit.setMinWidth(150);

        Label copiesLabel = new Label(Messages.tr("handouts.copies"));
        Spinner<Integer> copies = new Spinner<>(0, 99, 1);
        copies.setId("copiesSpinner");
        copies.setAccessibleText(Messages.tr("handouts.copies.accessible"));
        copies.setEditable(true);
        copies.setPrefWidth(80);
        copies.getValueFactory().valueProperty().addListener((o, a, n) -> {
            if (n != null && n != vm.copiesProperty().get()) {
                vm.copiesProperty().set(n);
            }
        });
        vm.copiesProperty().addListener((o, a, n) -> copies.getValueFactory().setValue(n.intValue()));
        copies.disableProperty().bind(vm.unitProperty().isNull());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button exportPdf = button("exportPdfButton", "handouts.exportPdf", "mdi2f-file-pdf-box");
        exportPdf.setOnAction(e -> vm.exportUnitToChosenFile());
        exportPdf.disableProperty().bind(vm.layoutProperty().isNull().or(vm.workingProperty()));
        Button print = button("printButton", "handouts.print", "mdi2p-printer");
        print.getStyleClass().add("accent");
        print.setOnAction(e -> printUnit());
        print.disableProperty().bind(vm.layoutProperty().isNull().or(vm.workingProperty()));
        HBox titleRow = new HBox(12, title, meeting, unit, copiesLabel, copies, spacer, exportPdf, print);
        titleRow.getStyleClass().add("toolbar-row");

        ComboBox<Choice<PageOrientation>> orientation = new ComboBox<>();
        orientation.setId("orientationChoice");
        orientation.setAccessibleText(Messages.tr("handouts.orientation"));
        for (PageOrientation o : PageOrientation.values()) {
            orientation.getItems().add(new Choice<>(o, Messages.tr("handouts.orientation." + o.name())));
        }
        ComboBox<Choice<MarginPreset>> margins = new ComboBox<>();
        margins.setId("marginsChoice");
        margins.setAccessibleText(Messages.tr("handouts.margins"));
        for (MarginPreset m : MarginPreset.values()) {
            margins.getItems().add(new Choice<>(m, Messages.tr("handouts.margins." + m.name())));
        }
        CheckBox signOff = new CheckBox(Messages.tr("handouts.signOff"));
        signOff.setId("signOffCheck");
        TextField notice = new TextField();
        notice.setId("noticeField");
        notice.setPromptText(Messages.tr("handouts.notice.prompt"));
        notice.setAccessibleText(Messages.tr("handouts.notice"));
        notice.setPrefWidth(200);
        Runnable showSettings = () -> {
            HandoutSettings s = vm.settingsProperty().get();
            select(orientation, s.orientation());
            select(margins, s.margins());
            signOff.setSelected(s.signOff());
            if (!notice.isFocused()) {
                notice.setText(s.notice());
            }
        };
        vm.settingsProperty().addListener((o, a, s) -> showSettings.run());
        showSettings.run();
        orientation.setOnAction(e -> {
            if (orientation.getValue() != null && orientation.getValue().value() != vm.settingsProperty().get().orientation()) {
                preview.fitOnNextLayout();
                vm.setOrientation(orientation.getValue().value());
            }
        });
        margins.setOnAction(e -> {
            if (margins.getValue() != null) {
                vm.setMargins(margins.getValue().value());
            }
        });
        signOff.setOnAction(e -> vm.setSignOff(signOff.isSelected()));
        notice.setOnAction(e -> vm.setNotice(notice.getText()));
        notice.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.setNotice(notice.getText());
            }
        });

        Button pageSetup = button("pageSetupButton", "handouts.pageSetup", "mdi2f-file-cog-outline");
        pageSetup.getStyleClass().add("flat");
        pageSetup.setOnAction(e -> pageSetup());
        ProgressBar progress = new ProgressBar();
        progress.setId("batchProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.workingProperty());
        Label status = new Label();
        status.setId("statusLabel");
        status.getStyleClass().add("count-label");
        status.textProperty().bind(vm.statusProperty());
        Button exportAll = button("exportAllButton", "handouts.exportAll", "mdi2f-folder-download-outline");
        exportAll.setOnAction(e -> vm.exportAllToChosenFolder());
        exportAll.disableProperty().bind(Bindings.isEmpty(vm.units()).or(vm.workingProperty()));
        Button printAll = button("printAllButton", "handouts.printAll", "mdi2p-printer-check");
        printAll.setOnAction(e -> printAll());
        printAll.disableProperty().bind(Bindings.isEmpty(vm.units()).or(vm.workingProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        status.setMinWidth(0);
        status.setMaxWidth(360);
        for (Region r : List.of(orientation, signOff, pageSetup, exportAll, printAll, exportPdf, print)) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the margins and the notice give way, never a label
        }
        margins.setMinWidth(140);
        notice.setMinWidth(100);
        HBox page = new HBox(8, orientation, margins, signOff, notice, pageSetup);
        page.setAlignment(Pos.CENTER_LEFT);
        HBox batch = new HBox(8, status, progress, exportAll, printAll);
        batch.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(batch, Priority.ALWAYS);
        HBox settingsRow = new HBox(8, page, batch);
        settingsRow.getStyleClass().add("toolbar-row");
        return new VBox(12, titleRow, settingsRow);
    }

    private HBox pageBar() {
        Button first = button("firstPageButton", "handouts.firstPage", "mdi2p-page-first");
        first.setOnAction(e -> vm.firstPage());
        Button prev = button("prevPageButton", "handouts.prevPage", "mdi2c-chevron-left");
        prev.setOnAction(e -> vm.previousPage());
        prev.disableProperty().bind(vm.pageIndexProperty().lessThanOrEqualTo(0));
        Label page = readout("pageLabel", vm.pageText(), 130);
        Button next = button("nextPageButton", "handouts.nextPage", "mdi2c-chevron-right");
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(vm.pageIndexProperty().greaterThanOrEqualTo(vm.pageCountProperty().subtract(1)));
        Button last = button("lastPageButton", "handouts.lastPage", "mdi2p-page-last");
        last.setOnAction(e -> vm.lastPage());
        for (Button b : List.of(first, prev, next, last)) {
            b.setText(null);
            b.getStyleClass().add("flat");
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button zoomOut = button("zoomOutButton", "handouts.zoomOut", "mdi2m-magnify-minus-outline");
        zoomOut.setOnAction(e -> vm.zoomOut());
        Label zoom = readout("zoomLabel", vm.zoomText(), 48);
        Button zoomIn = button("zoomInButton", "handouts.zoomIn", "mdi2m-magnify-plus-outline");
        zoomIn.setOnAction(e -> vm.zoomIn());
        Button fit = button("fitPageButton", "handouts.fitPage", "mdi2f-fit-to-page-outline");
        fit.setOnAction(e -> preview.fitPage());
        Button actual = button("actualSizeButton", "handouts.actualSize", "mdi2r-relative-scale");
        actual.setOnAction(e -> vm.zoomProperty().set(1.0));
        for (Button b : List.of(zoomOut, zoomIn, fit, actual)) {
            b.setText(null);
            b.getStyleClass().add("flat");
        }
        HBox bar = new HBox(6, first, prev, page, next, last, spacer, zoomOut, zoom, zoomIn, fit, actual);
        bar.getStyleClass().add("toolbar-row");
        bar.setPadding(new Insets(6, 0, 0, 0));
        return bar;
    }

    /** A centred label showing a value (page number, zoom). */
    private static Label readout(String id, javafx.beans.value.ObservableValue<String> text, double minWidth) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(minWidth);
        l.setAlignment(Pos.CENTER);
        return l;
    }

    private static Button button(String id, String key, String icon) {
        Button b = new Button(Messages.tr(key), new FontIcon(icon));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        b.setTooltip(new javafx.scene.control.Tooltip(Messages.tr(key)));
        return b;
    }

    private static <T> void select(ComboBox<Choice<T>> combo, T value) {
        combo.getItems().stream().filter(c -> c.value() == value).findFirst().ifPresent(combo::setValue);
    }

    private void installKeys() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextField) {
                return;
            }
            switch (e.getCode()) {
                case PAGE_DOWN -> vm.nextPage();
                case PAGE_UP -> vm.previousPage();
                case HOME -> vm.firstPage();
                case END -> vm.lastPage();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        KeyCombination printKey = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(printKey);
            }
            if (scene != null) {
                scene.getAccelerators().put(printKey, this::printUnit);
            }
        });
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void printUnit() {
        HandoutLayout l = vm.layoutProperty().get();
        if (l == null || vm.workingProperty().get()) {
            return;
        }
        print(l.pages(), l.title() + Messages.tr("handouts.jobUnit", l.unitName()), vm.copiesProperty().get());
    }

    private void printAll() {
        vm.batchPages(pages -> print(pages, Messages.tr("handouts.jobBatch"), 1));
    }

    private void print(List<LayoutPage> pages, String jobName, int copies) {
        try {
            printer.print(window(), pages, jobName, copies, () -> {
                vm.workingProperty().set(true);
                vm.setStatus(Messages.tr("handouts.printing", pages.size()));
            }, n -> {
                vm.workingProperty().set(false);
                vm.setStatus(Messages.tr("handouts.printed", n));
            }, vm::fail);
        } catch (RuntimeException e) {
            vm.fail(e);
        }
    }

    private void pageSetup() {
        try {
            PageOrientation chosen = printer.pageSetup(window(), vm.settingsProperty().get().orientation());
            if (chosen != null && chosen != vm.settingsProperty().get().orientation()) {
                preview.fitOnNextLayout();
                vm.setOrientation(chosen);
            }
        } catch (RuntimeException e) {
            vm.fail(e);
        }
    }

    private static final class UnitCell extends ListCell<UnitHandout> {
        @Override
        protected void updateItem(UnitHandout item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : Messages.tr("handouts.unitLabel", item.unit().name(), item.tasks(), item.copies()));
        }
    }
}
