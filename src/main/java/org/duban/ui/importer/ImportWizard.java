package org.duban.ui.importer;

import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.service.importer.FieldChange;
import org.duban.service.importer.ImportProblem;
import org.duban.service.importer.PlannedRow;
import org.duban.ui.common.Choice;
import org.duban.ui.common.Theme;
import org.duban.ui.importer.ImportWizardViewModel.Step;

/**
 * The import wizard window: its pages (file, preview, sources and categories, units, problems, change list, result)
 * in one stage, moved through with 上一步 / 下一步 / 导入. The file, problems and result pages are built here; the
 * preview, names, units and change-list pages, each with its own cells, are {@link PreviewPage}, {@link NamesPage},
 * {@link UnitsPage} and {@link ChangesPage}.
 */
public final class ImportWizard {
    private final ImportWizardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Label summary = new Label();
    private final Label resultSummary = new Label();
    private final PreviewPage preview;
    private final ChangesPage changes;
    private Stage stage;

    public ImportWizard(ImportWizardViewModel vm) {
        this.vm = vm;
        root.setId("importWizard");
        root.setPadding(new Insets(16));
        root.setPrefSize(1100, 680);
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.tr("import.step." + vm.stepProperty().get().name()), vm.stepProperty()));
        root.setTop(new VBox(4, title, new javafx.scene.control.Separator()));
        Node file = filePage();
        preview = new PreviewPage(vm);
        Node names = new NamesPage(vm).root();
        Node units = new UnitsPage(vm).root();
        Node problems = problemsPage();
        changes = new ChangesPage(vm);
        StackPane pages = new StackPane(file, preview.root(), names, units, problems, changes.root(), resultPage());
        BorderPane.setMargin(pages, new Insets(12, 0, 12, 0));
        root.setCenter(pages);
        root.setBottom(buttons());
        vm.stepProperty().addListener((o, a, s) -> show(pages, s));
        vm.planProperty().addListener((o, a, p) -> planChanged());
        show(pages, vm.stepProperty().get());
    }

    public Region root() {
        return root;
    }

    /** Opens the wizard in its own window over {@code owner}. */
    public void open(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.tr("import.title"));
        Scene scene = new Scene(root);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void show(StackPane pages, Step step) {
        for (int i = 0; i < pages.getChildren().size(); i++) {
            pages.getChildren().get(i).setVisible(i == step.ordinal());
        }
        if (step == Step.PROBLEMS) {
            summary.setText(vm.summary());
        } else if (step == Step.CHANGES) {
            changes.refresh();
        } else if (step == Step.RESULT) {
            resultSummary.setText(vm.resultSummary());
        }
    }

    private Node filePage() {
        TextField path = new TextField();
        path.setId("importFileField");
        path.setAccessibleText(Messages.tr("import.file"));
        path.setPromptText(Messages.tr("import.file.prompt"));
        path.textProperty().bindBidirectional(vm.fileProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(Messages.tr("import.file.choose"));
        choose.setId("chooseFileButton");
        choose.setAccessibleText(Messages.tr("import.file.choose"));
        choose.setOnAction(e -> chooseFile());
        Label error = new Label();
        error.setId("importFileError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.fileErrorProperty());

        ComboBox<Choice<Meeting>> meeting = new ComboBox<>(vm.meetings());
        meeting.setId("importMeetingChoice");
        meeting.setAccessibleText(Messages.tr("import.meeting"));
        meeting.valueProperty().bindBidirectional(vm.meetingProperty());
        meeting.setMaxWidth(Double.MAX_VALUE);
        TextField source = new TextField();
        source.setId("defaultSourceField");
        source.setAccessibleText(Messages.tr("import.defaultSource"));
        source.setPromptText(Messages.tr("import.defaultSource.prompt"));
        source.textProperty().bindBidirectional(vm.defaultSourceProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setVgap(10);
        grid.addRow(0, new Label(Messages.tr("import.file")), new HBox(8, path, choose));
        grid.add(error, 1, 1);
        grid.addRow(2, new Label(Messages.tr("import.meeting")), meeting);
        grid.addRow(3, new Label(Messages.tr("import.defaultSource")), source);
        GridPane.setHgrow(meeting, Priority.ALWAYS);
        Label hint = new Label(Messages.tr("import.file.hint"));
        hint.getStyleClass().add("hint-label");
        hint.setWrapText(true);
        VBox page = new VBox(16, grid, hint);
        page.setId("importFilePage");
        return page;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.tr("import.file.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.tr("import.file.filter"),
                "*.xlsx", "*.xls", "*.csv", "*.docx", "*.ods"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            vm.fileProperty().set(f.getAbsolutePath());
        }
    }

    private void planChanged() {
        var plan = vm.planProperty().get();
        if (plan == null) {
            return;
        }
        preview.show(plan);
        summary.setText(vm.summary());
        changes.refresh();
    }

    private Node problemsPage() {
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        TableView<ImportProblem> table = new TableView<>(vm.problems());
        table.setId("problemTable");
        table.setAccessibleText(Messages.tr("import.step.PROBLEMS"));
        table.setPlaceholder(new Label(Messages.tr("import.problems.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ImportProblem, String> kind = column("import.problem.kind", 70,
                p -> Messages.tr("import.severity." + p.severity().name()));
        kind.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("problem-error");
                ImportProblem p = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (p != null && p.isError()) {
                    getStyleClass().add("problem-error");
                }
            }
        });
        table.getColumns().setAll(List.of(kind,
                column("import.problem.row", 60, p -> p.row() == 0 ? "" : String.valueOf(p.row())),
                column("import.problem.column", 120, p -> p.column().isEmpty() ? ""
                        : p.column() + (p.header().isEmpty() ? "" : "（" + p.header().replace('\n', ' ') + "）")),
                column("import.problem.value", 220, p -> p.value().replace('\n', ' ')),
                column("import.problem.reason", 420, ImportProblem::message)));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(8, summary, table);
        page.setId("importProblemsPage");
        return page;
    }

    private static <T> TableColumn<T, String> column(String key, double width, java.util.function.Function<T, String> f) {
        return org.duban.ui.common.FormParts.column(key, f, width);
    }

    private Node resultPage() {
        resultSummary.setId("resultSummary");
        resultSummary.setWrapText(true);
        resultSummary.getStyleClass().add("settings-heading");
        TableView<PlannedRow> changes = new TableView<>(vm.changedRows());
        changes.setId("changeTable");
        changes.setAccessibleText(Messages.tr("import.step.RESULT"));
        changes.setPlaceholder(new Label(Messages.tr("import.result.noChanges")));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PlannedRow, Integer> seq = new TableColumn<>(Messages.tr("task.field.seq"));
        seq.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().task().seq()));
        seq.setPrefWidth(60);
        changes.getColumns().setAll(List.of(seq,
                column("import.result.change", 80, r -> Messages.tr("import.change." + r.change().name())),
                column("import.result.detail", 700, ImportWizard::detail)));
        VBox.setVgrow(changes, Priority.ALWAYS);

        Label undoText = new Label();
        undoText.setId("undoText");
        undoText.setWrapText(true);
        undoText.setMinHeight(Region.USE_PREF_SIZE);
        undoText.textProperty().bind(vm.undoTextProperty());
        HBox.setHgrow(undoText, Priority.ALWAYS);
        Button undo = new Button(Messages.tr("import.undo.button"));
        undo.setId("undoImportButton");
        undo.setAccessibleText(Messages.tr("import.undo.button"));
        undo.setMinWidth(Region.USE_PREF_SIZE);
        undo.setOnAction(e -> vm.undoImport());
        undo.disableProperty().bind(vm.undoPossibleProperty().not().or(vm.busyProperty()));
        HBox undoRow = new HBox(12, undo, undoText);
        undoRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox page = new VBox(8, resultSummary, changes, undoRow);
        page.setId("importResultPage");
        return page;
    }

    private static String detail(PlannedRow r) {
        if (r.change() == PlannedRow.Change.ADDED) {
            String p = r.task().problem().replace('\n', ' ');
            return p.length() > 60 ? p.substring(0, 60) + "…" : p;
        }
        return r.changes().stream().map((FieldChange c) -> Messages.tr("import.result.fieldChange",
                Messages.tr(c.field().labelKey()), c.before().replace('\n', ' '), c.after().replace('\n', ' ')))
                .collect(Collectors.joining("；"));
    }

    private Node buttons() {
        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.setPrefWidth(240);
        progress.progressProperty().bind(javafx.beans.binding.Bindings.when(vm.busyProperty()
                .and(vm.stepProperty().isEqualTo(Step.FILE))).then(-1.0).otherwise(vm.progressProperty()));
        progress.visibleProperty().bind(vm.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button back = button("backButton", "import.back");
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.busyProperty().or(vm.stepProperty().isEqualTo(Step.FILE))
                .or(vm.stepProperty().isEqualTo(Step.RESULT)));
        Button next = button("nextButton", "import.next");
        next.getStyleClass().add("accent");
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.busyProperty());
        next.visibleProperty().bind(vm.stepProperty().isNotEqualTo(Step.CHANGES).and(vm.stepProperty().isNotEqualTo(Step.RESULT)));
        next.managedProperty().bind(next.visibleProperty());
        Button run = button("importButton", "import.run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.runImport());
        run.disableProperty().bind(vm.canImport().not());
        run.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.CHANGES));
        run.managedProperty().bind(run.visibleProperty());
        Button close = button("closeButton", "import.close");
        close.setOnAction(e -> {
            if (stage != null) {
                stage.close();
            }
        });
        close.disableProperty().bind(vm.busyProperty());
        HBox bar = new HBox(8, progress, spacer, back, next, run, close);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private static Button button(String id, String key) {
        Button b = new Button(Messages.tr(key));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        return b;
    }
}