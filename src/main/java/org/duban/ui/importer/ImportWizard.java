package org.duban.ui.importer;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import org.duban.service.excel.Grid;
import org.duban.service.importer.FieldChange;
import org.duban.service.importer.ImportColumn;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportProblem;
import org.duban.service.importer.PlannedRow;
import org.duban.service.tasks.TaskField;
import org.duban.ui.common.Choice;
import org.duban.ui.common.Theme;
import org.duban.ui.importer.ImportWizardViewModel.Step;

/**
 * The import wizard window: its pages (file, preview, sources and categories, problems, change list, result) in one
 * stage, moved through with 上一步 / 下一步 / 导入.
 */
public final class ImportWizard {
    private final ImportWizardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Grid.Row> preview = new TableView<>();
    private final List<ComboBox<Choice<TaskField>>> mappingCombos = new ArrayList<>();
    private final Label previewHint = new Label();
    private final Label summary = new Label();
    private final Label resultSummary = new Label();
    private final Label changesSummary = new Label();
    private boolean updatingCombos;
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
        StackPane pages = new StackPane(filePage(), previewPage(), namesPage(), problemsPage(), changesPage(),
                resultPage());
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
            changesSummary.setText(vm.changesSummary());
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
                "*.xlsx", "*.xls", "*.csv", "*.docx"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            vm.fileProperty().set(f.getAbsolutePath());
        }
    }

    private Node previewPage() {
        preview.setId("previewTable");
        preview.setAccessibleText(Messages.tr("import.step.PREVIEW"));
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        previewHint.setId("previewHint");
        previewHint.setWrapText(true);
        VBox.setVgrow(preview, Priority.ALWAYS);
        VBox page = new VBox(8, previewHint, preview);
        page.setId("importPreviewPage");
        return page;
    }

    private void planChanged() {
        var plan = vm.planProperty().get();
        if (plan == null) {
            return;
        }
        previewHint.setText(plan.headerRow() == 0 ? Messages.tr("import.problem.noHeader")
                : Messages.tr("import.preview.hint", plan.headerRow(), plan.sheetName()));
        List<ImportColumn> columns = vm.columns();
        if (columns.size() == mappingCombos.size()) {
            updatingCombos = true;
            for (int i = 0; i < columns.size(); i++) {
                select(mappingCombos.get(i), columns.get(i).field());
            }
            updatingCombos = false;
        } else {
            buildPreviewColumns(columns);
        }
        preview.getItems().setAll(vm.previewRows());
        summary.setText(vm.summary());
        changesSummary.setText(vm.changesSummary());
    }

    private void buildPreviewColumns(List<ImportColumn> columns) {
        mappingCombos.clear();
        List<TableColumn<Grid.Row, String>> list = new ArrayList<>();
        for (ImportColumn c : columns) {
            ComboBox<Choice<TaskField>> combo = new ComboBox<>();
            combo.setId("mapping" + c.letter());
            combo.setAccessibleText(Messages.tr("import.preview.mapping", c.letter()));
            combo.getItems().add(new Choice<>(null, Messages.tr("import.preview.skip")));
            for (TaskField f : TaskField.values()) {
                combo.getItems().add(new Choice<>(f, Messages.tr(f.labelKey())));
            }
            select(combo, c.field());
            int index = c.index();
            combo.setOnAction(e -> {
                if (!updatingCombos && combo.getValue() != null) {
                    vm.mapColumn(index, combo.getValue().value());
                }
            });
            mappingCombos.add(combo);
            Label heading = new Label(c.letter() + "  " + c.header().replace('\n', ' '));
            TableColumn<Grid.Row, String> col = new TableColumn<>();
            col.setGraphic(new VBox(4, combo, heading));
            col.setSortable(false);
            col.setPrefWidth(c.field() == TaskField.SEQ ? 110 : 170);
            col.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().cell(index)));
            list.add(col);
        }
        TableColumn<Grid.Row, String> rowNo = new TableColumn<>(Messages.tr("import.problem.row"));
        rowNo.setCellValueFactory(r -> new ReadOnlyStringWrapper(String.valueOf(r.getValue().number())));
        rowNo.setPrefWidth(50);
        rowNo.setSortable(false);
        preview.getColumns().setAll(rowNo);
        preview.getColumns().addAll(list);
    }

    private static void select(ComboBox<Choice<TaskField>> combo, TaskField f) {
        combo.getItems().stream().filter(ch -> ch.value() == f).findFirst().ifPresent(combo::setValue);
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

    /**
     * The sources and categories of the file: each written name that is new, or that is read as one of the office's
     * names though written otherwise, with the name its tasks get; the user keeps that or picks another.
     */
    private Node namesPage() {
        Label hint = new Label(Messages.tr("import.names.hint"));
        hint.setWrapText(true);
        TableView<ImportPlan.TermUse> table = new TableView<>(vm.names());
        table.setId("namesTable");
        table.setAccessibleText(Messages.tr("import.step.NAMES"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("import.names.none")));
        TableColumn<ImportPlan.TermUse, String> kind = column("import.names.kind", 90,
                u -> Messages.tr("import.names.kind." + u.kind().name()));
        TableColumn<ImportPlan.TermUse, String> written = column("import.names.written", 280, ImportPlan.TermUse::written);
        TableColumn<ImportPlan.TermUse, String> rows = column("import.names.rows", 60, u -> String.valueOf(u.rows()));
        TableColumn<ImportPlan.TermUse, ImportPlan.TermUse> name = new TableColumn<>(Messages.tr("import.names.name"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setPrefWidth(300);
        name.setSortable(false);
        name.setCellFactory(c -> new NameCell());
        TableColumn<ImportPlan.TermUse, String> how = column("import.names.how", 260,
                u -> Messages.tr("import.names.how." + (u.chosen() ? "CHOSEN" : u.match().how().name())));
        table.getColumns().setAll(List.of(kind, written, rows, name, how));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(8, hint, table);
        page.setId("importNamesPage");
        return page;
    }

    /** The name a written source or category becomes: the office's names, or the written one as a new name. */
    private final class NameCell extends TableCell<ImportPlan.TermUse, ImportPlan.TermUse> {
        @Override
        protected void updateItem(ImportPlan.TermUse u, boolean empty) {
            super.updateItem(u, empty);
            if (empty || u == null) {
                setGraphic(null);
                return;
            }
            ComboBox<Choice<String>> box = new ComboBox<>();
            box.setId("nameChoice-" + getIndex());
            box.setAccessibleText(Messages.tr("import.names.choice", u.written()));
            box.setMaxWidth(Double.MAX_VALUE);
            box.getItems().add(new Choice<>(u.written(), Messages.tr("import.names.keepNew", u.written())));
            for (String n : vm.knownNames(u.kind())) {
                box.getItems().add(new Choice<>(n, n));
            }
            box.getItems().stream().filter(c -> c.value().equals(u.name())).findFirst().ifPresent(box::setValue);
            box.setOnAction(e -> {
                Choice<String> c = box.getValue();
                if (c != null && !c.value().equals(u.name())) {
                    vm.chooseName(u.kind(), u.written(), c.value());
                }
            });
            setGraphic(box);
        }
    }

    /**
     * The change list, before anything is written: every new task, every changed problem text beside the old one
     * (with how alike they are), every share withdrawn with the records it keeps, every other changed field. A
     * file that is another list says so above it, with a new meeting proposed.
     */
    private Node changesPage() {
        changesSummary.setId("changesSummary");
        changesSummary.setWrapText(true);
        changesSummary.setMinHeight(Region.USE_PREF_SIZE);
        Label different = new Label();
        different.setId("differentListText");
        different.setWrapText(true);
        different.setMinHeight(Region.USE_PREF_SIZE);
        different.textProperty().bind(vm.differentListProperty());
        Button asNew = new Button(Messages.tr("import.differentList.asNew"));
        asNew.setId("importAsNewMeetingButton");
        asNew.setAccessibleText(Messages.tr("import.differentList.asNew"));
        asNew.getStyleClass().add("accent");
        asNew.setMinWidth(Region.USE_PREF_SIZE);
        asNew.setOnAction(e -> vm.importAsNewMeeting());
        asNew.disableProperty().bind(vm.busyProperty());
        HBox.setHgrow(different, Priority.ALWAYS);
        HBox banner = new HBox(12, different, asNew);
        banner.setId("differentListBanner");
        banner.getStyleClass().add("warning-banner");
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.differentListProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        TableView<ChangeLines.Line> table = new TableView<>(vm.changes());
        table.setId("changeListTable");
        table.setAccessibleText(Messages.tr("import.step.CHANGES"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("import.changes.none")));
        TableColumn<ChangeLines.Line, String> seq = column("task.field.seq", 56, l -> String.valueOf(l.seq()));
        TableColumn<ChangeLines.Line, String> what = wrapping("import.changes.what", 200, ChangeLines.Line::what);
        TableColumn<ChangeLines.Line, String> before = wrapping("import.changes.before", 380, ChangeLines.Line::before);
        TableColumn<ChangeLines.Line, String> after = wrapping("import.changes.after", 380, ChangeLines.Line::after);
        table.getColumns().setAll(List.of(seq, what, before, after));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ChangeLines.Line item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("change-other", "change-withdrawn");
                if (!empty && item != null && item.kind() == ChangeLines.Kind.OTHER_PROBLEM) {
                    getStyleClass().add("change-other");
                } else if (!empty && item != null && item.kind() == ChangeLines.Kind.WITHDRAWN) {
                    getStyleClass().add("change-withdrawn");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(8, banner, changesSummary, table);
        page.setId("importChangesPage");
        return page;
    }

    /**
     * A column whose long texts wrap inside the cell (the row grows) rather than being cut. A Text node, not a
     * wrapping Label: a table row asks its cells for their height without a width, and only a Text with its own
     * wrapping width answers with all its lines.
     */
    private static <T> TableColumn<T, String> wrapping(String key, double width, java.util.function.Function<T, String> f) {
        TableColumn<T, String> col = column(key, width, f);
        col.setCellFactory(c -> new TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.getStyleClass().add("cell-text");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(16));
                setText(null);
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item.replace('\n', ' '));
                setGraphic(empty ? null : text);
            }
        });
        return col;
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
