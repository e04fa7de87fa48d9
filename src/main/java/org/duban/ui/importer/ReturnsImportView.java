package org.duban.ui.importer;

import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.duban.i18n.Messages;
import org.duban.service.returns.ReturnEntry;
import org.duban.service.returns.ReturnProblem;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.duban.ui.common.Theme;

/**
 * The window of Excel → 导入进展报送表…: a form or a folder, 检查 (the same table as {@code import-returns
 * --dry-run}: the totals, then every problem with its file, row, column, value and reason, then the rows to
 * record), then 导入.
 */
public final class ReturnsImportView {
    private final ReturnsImportViewModel vm;
    private final BorderPane root = new BorderPane();
    private Stage stage;

    public ReturnsImportView(ReturnsImportViewModel vm) {
        this.vm = vm;
        root.setId("returnsImport");
        root.setPadding(new Insets(16));
        root.setPrefSize(1100, 640);
        Label title = new Label(Messages.tr("returns.window.title"));
        title.getStyleClass().add("screen-title");
        root.setTop(new VBox(4, title, new javafx.scene.control.Separator()));
        root.setCenter(body());
        root.setBottom(buttons());
    }

    public Region root() {
        return root;
    }

    public void open(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.tr("returns.window.title"));
        Scene scene = new Scene(root);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private VBox body() {
        TextField path = new TextField();
        path.setId("returnsPathField");
        path.setAccessibleText(Messages.tr("returns.window.path"));
        path.setPromptText(Messages.tr("returns.window.pathPrompt"));
        path.textProperty().bindBidirectional(vm.pathProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button file = new Button(Messages.tr("returns.window.chooseFile"));
        file.setId("chooseReturnFileButton");
        file.setOnAction(e -> chooseFile());
        Button folder = new Button(Messages.tr("returns.window.chooseFolder"));
        folder.setId("chooseReturnFolderButton");
        folder.setOnAction(e -> chooseFolder());
        Button check = new Button(Messages.tr("returns.window.check"));
        check.setId("checkReturnsButton");
        check.setAccessibleText(Messages.tr("returns.window.check"));
        check.getStyleClass().add("accent");
        check.setOnAction(e -> vm.check());
        check.disableProperty().bind(vm.busyProperty());
        for (Button b : List.of(file, folder, check)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox pathRow = new HBox(8, new Label(Messages.tr("returns.window.path")), path, file, folder, check);
        pathRow.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("returnsSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());
        Label hint = new Label(Messages.tr("returns.window.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("hint-label");

        TableView<ReturnProblem> problems = new TableView<>(vm.problems());
        problems.setId("returnProblemTable");
        problems.setAccessibleText(Messages.tr("returns.window.problemsTable"));
        problems.setPlaceholder(new Label(Messages.tr("import.problems.none")));
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReturnProblem, String> kind = FormParts.column("import.problem.kind",
                p -> Messages.tr("import.severity." + p.problem().severity().name()), 60);
        kind.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("problem-error");
                ReturnProblem p = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (p != null && p.isError()) {
                    getStyleClass().add("problem-error");
                }
            }
        });
        problems.getColumns().setAll(List.of(kind,
                FormParts.column("returns.window.file", ReturnProblem::file, 200),
                FormParts.column("import.problem.row", p -> p.problem().row() == 0 ? "" : String.valueOf(p.problem().row()), 50),
                FormParts.column("import.problem.column", p -> p.problem().column().isEmpty() ? ""
                        : p.problem().column() + "（" + p.problem().header() + "）", 110),
                FormParts.column("import.problem.value", p -> p.problem().value().replace('\n', ' '), 160),
                FormParts.column("import.problem.reason", p -> p.problem().message(), 420)));

        TableView<ReturnEntry> entries = new TableView<>(vm.entries());
        entries.setId("returnEntryTable");
        entries.setAccessibleText(Messages.tr("returns.window.entriesTable"));
        entries.setPlaceholder(new Label(Messages.tr("returns.window.noEntries")));
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entries.getColumns().setAll(List.of(
                FormParts.column("returns.window.file", ReturnEntry::file, 200),
                FormParts.column("import.problem.row", e -> String.valueOf(e.row()), 50),
                FormParts.column("task.field.seq", e -> String.valueOf(e.seq()), 50),
                FormParts.column("task.field.units", ReturnEntry::unitName, 130),
                FormParts.column("returns.window.col.date", e -> DateFields.text(e.reportedOn()), 100),
                FormParts.column("returns.window.col.percent", e -> e.percent() + "%", 80),
                FormParts.column("returns.window.col.text", e -> e.progress().replace('\n', ' '), 380)));
        VBox.setVgrow(problems, Priority.ALWAYS);
        VBox.setVgrow(entries, Priority.ALWAYS);
        Label problemsHeading = FormParts.heading("returns.window.problemsTable");
        Label entriesHeading = FormParts.heading("returns.window.entriesTable");
        VBox box = new VBox(8, pathRow, hint, summary, problemsHeading, problems, entriesHeading, entries);
        BorderPane.setMargin(box, new Insets(12, 0, 12, 0));
        return box;
    }

    private HBox buttons() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("returnsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button run = new Button(Messages.tr("returns.window.import"));
        run.setId("importReturnsButton");
        run.setAccessibleText(Messages.tr("returns.window.import"));
        run.getStyleClass().add("accent");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(vm.canImport().not());
        run.setOnAction(e -> vm.importChecked());
        Button close = new Button(Messages.tr("import.close"));
        close.setId("closeReturnsButton");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> {
            if (stage != null) {
                stage.close();
            }
        });
        close.disableProperty().bind(vm.busyProperty());
        HBox bar = new HBox(8, busy, message, run, close);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.tr("returns.window.chooseFile"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.tr("returns.window.filter"), "*.xlsx"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            vm.pathProperty().set(f.getAbsolutePath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.tr("returns.window.chooseFolder"));
        File d = chooser.showDialog(root.getScene().getWindow());
        if (d != null) {
            vm.pathProperty().set(d.getAbsolutePath());
        }
    }
}
