package org.duban.ui.tasks.detail;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Evidence;
import org.duban.model.ProgressReport;
import org.duban.service.tracking.AssignmentState;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 进展: the chosen unit's report history, newest first, and a one-line form to add a report. The percent field
 * has the focus, so a report is: type the percent, Tab, type what was done, Enter.
 */
final class ProgressTab {
    private final TaskDetailViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TextField percent;

    ProgressTab(TaskDetailViewModel vm) {
        this.vm = vm;
        ProgressForm f = vm.progressForm();

        Label summary = new Label();
        summary.setId("progressSummary");
        summary.getStyleClass().add("hint-label");
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            AssignmentState s = vm.selectedProperty().get();
            return s == null ? "" : Messages.tr("detail.progress.summary", vm.unitName(s.unitId()),
                    Messages.tr("status." + s.status().name()), Texts.progress(s), Texts.reasons(s));
        }, vm.selectedProperty()));

        DatePicker date = DateFields.picker("reportDatePicker", Messages.tr("progress.field.date"));
        date.valueProperty().bindBidirectional(f.reportDateProperty());
        percent = FormParts.text("percentField", "progress.field.percent", f.percentProperty());
        percent.setPromptText("0–100");
        percent.setPrefWidth(80);
        TextField text = FormParts.text("reportTextField", "progress.field.text", f.textProperty());
        text.setPromptText(Messages.tr("detail.progress.textPrompt"));
        HBox.setHgrow(text, Priority.ALWAYS);
        TextField reporter = FormParts.text("reporterField", "progress.field.reporter", f.reporterProperty());
        reporter.setPrefWidth(160);
        Button files = new Button(Messages.tr("detail.attach"), new FontIcon("mdi2p-paperclip"));
        files.setId("reportFilesButton");
        files.setAccessibleText(Messages.tr("detail.attach"));
        files.textProperty().bind(Bindings.createStringBinding(() -> f.files().isEmpty() ? Messages.tr("detail.attach")
                : Messages.tr("detail.attached", f.files().size()), f.files()));
        files.setOnAction(e -> f.chooseFiles());
        Button add = new Button(Messages.tr("detail.progress.add"), new FontIcon("mdi2p-plus"));
        add.setId("addReportButton");
        add.setAccessibleText(Messages.tr("detail.progress.add"));
        add.getStyleClass().add("accent");
        add.setDefaultButton(false);
        add.disableProperty().bind(f.reportSavingProperty().or(vm.selectedProperty().isNull())
                .or(vm.selectedWithdrawnProperty()));
        Runnable submit = () -> f.addReport(percent::requestFocus);
        add.setOnAction(e -> submit.run());
        percent.setOnAction(e -> text.requestFocus());
        text.setOnAction(e -> submit.run());
        reporter.setOnAction(e -> submit.run());

        HBox form = new HBox(8, FormParts.labelled("progress.field.date", date), FormParts.labelled("progress.field.percent", percent),
                FormParts.labelled("progress.field.text", text), FormParts.labelled("progress.field.reporter", reporter), files, add);
        form.setAlignment(Pos.BOTTOM_LEFT);
        HBox.setHgrow(form.getChildren().get(2), Priority.ALWAYS);
        vm.services().access().writes(form);
        VBox top = new VBox(6, summary, form, FormParts.error("reportError", f.reportErrorProperty()));
        top.setPadding(new Insets(12, 12, 8, 12));
        root.setTop(top);
        root.setCenter(table());
        BorderPane.setMargin(root.getCenter(), new Insets(0, 12, 12, 12));
    }

    private TableView<ProgressReport> table() {
        TableView<ProgressReport> table = new TableView<>(vm.reports());
        table.setId("reportTable");
        table.setAccessibleText(Messages.tr("detail.tab.progress"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("detail.progress.none")));
        TableColumn<ProgressReport, String> date = FormParts.column("progress.field.date", r -> DateFields.text(r.reportedOn()), 110);
        TableColumn<ProgressReport, String> pct = FormParts.column("progress.field.percent", r -> r.percent() + "%", 70);
        pct.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<ProgressReport, String> text = FormParts.column("progress.field.text", ProgressReport::text, 560);
        TableColumn<ProgressReport, String> who = FormParts.column("progress.field.reporter", ProgressReport::reporter, 180);
        TableColumn<ProgressReport, String> files = FormParts.column("detail.column.files", r -> {
            String names = vm.evidence().stream().filter(e -> r.id() == (e.reportId() == null ? -1 : e.reportId()))
                    .map(Evidence::fileName).collect(java.util.stream.Collectors.joining("、"));
            return names;
        }, 160);
        table.getColumns().setAll(java.util.List.of(date, pct, text, who, files));
        return table;
    }

    /** Puts the cursor in the percent field (when the tab is shown). */
    void focusPercent() {
        javafx.application.Platform.runLater(percent::requestFocus);
    }

    Node root() {
        return root;
    }
}
