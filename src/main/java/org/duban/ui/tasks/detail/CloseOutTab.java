package org.duban.ui.tasks.detail;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.Evidence;
import org.duban.model.VerificationLevel;
import org.duban.service.tracking.EvidenceService;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 销号: where the chosen unit's application stands (申请 → 验收 → 公示 → 销号), the form of the next step, the unit's
 * evidence files and its earlier applications.
 */
final class CloseOutTab {
    private static final CloseOutForm.Step[] STEPS = {CloseOutForm.Step.APPLY, CloseOutForm.Step.VERIFY,
        CloseOutForm.Step.NOTICE, CloseOutForm.Step.CLOSE};
    private final TaskDetailViewModel vm;
    private final CloseOutForm f;
    private final HBox steps = new HBox(6);
    private final ScrollPane root;

    CloseOutTab(TaskDetailViewModel vm) {
        this.vm = vm;
        this.f = vm.closeOutForm();
        steps.setId("closeOutSteps");
        steps.setAlignment(Pos.CENTER_LEFT);
        Label stage = new Label();
        stage.setId("closeOutStage");
        stage.getStyleClass().add("section-heading");
        stage.textProperty().bind(Bindings.createStringBinding(() -> Texts.stage(f.stageProperty().get()),
                f.stageProperty()));
        Label current = new Label();
        current.setId("closeOutCurrent");
        current.setWrapText(true);
        current.textProperty().bind(Bindings.createStringBinding(() -> describe(f.currentProperty().get()),
                f.currentProperty()));
        f.stepProperty().addListener((obs, o, n) -> drawSteps());
        f.stageProperty().addListener((obs, o, n) -> drawSteps());
        drawSteps();

        DatePicker date = DateFields.picker("closeOutDatePicker", Messages.tr("detail.closeOut.date"));
        date.valueProperty().bindBidirectional(f.dateProperty());
        Label dateLabel = new Label();
        dateLabel.getStyleClass().add("form-label");
        dateLabel.textProperty().bind(Bindings.createStringBinding(() -> Messages.tr(switch (f.stepProperty().get()) {
            case APPLY -> "closeOut.field.appliedOn";
            case VERIFY -> "closeOut.field.verifiedOn";
            case NOTICE -> "closeOut.field.noticeFrom";
            case CLOSE -> "closeOut.field.closedOn";
            case REOPEN -> "closeOut.field.reopenedOn";
        }), f.stepProperty()));

        Button submit = new Button();
        submit.setId("closeOutSubmitButton");
        submit.getStyleClass().add("accent");
        submit.textProperty().bind(Bindings.createStringBinding(() -> Messages.tr("detail.closeOut.submit."
                + f.stepProperty().get().name()), f.stepProperty()));
        submit.accessibleTextProperty().bind(submit.textProperty());
        submit.disableProperty().bind(f.savingProperty().or(vm.selectedProperty().isNull())
                .or(vm.selectedWithdrawnProperty()));
        submit.setOnAction(e -> {
            DateFields.commit(date);
            f.submit(() -> { });
        });

        HBox form = new HBox(8, new VBox(2, dateLabel, date), applyFields(), verifyFields(), noticeFields(),
                reopenFields(), submit);
        form.setAlignment(Pos.BOTTOM_LEFT);
        vm.services().access().writes(form);
        form.getChildren().forEach(n -> HBox.setHgrow(n, n == submit || n == form.getChildren().get(0)
                ? Priority.NEVER : Priority.ALWAYS));

        VBox box = new VBox(8, steps, stage, current, form, FormParts.error("closeOutError", f.errorProperty()),
                FormParts.heading("detail.closeOut.evidence"), evidenceTable(), evidenceButtons(),
                FormParts.heading("detail.closeOut.history"), historyTable());
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("closeOutPane");
    }

    private void drawSteps() {
        steps.getChildren().clear();
        CloseOutStage stage = f.stageProperty().get();
        int reached = stage == null || !stage.isActive() ? -1 : switch (stage) {
            case APPLIED -> 0;
            case VERIFIED -> 1;
            case IN_NOTICE, NOTICE_OVER -> 2;
            case CLOSED -> 3;
            default -> -1;
        };
        for (int i = 0; i < STEPS.length; i++) {
            Label l = new Label(Messages.tr("detail.closeOut.step." + STEPS[i].name()));
            l.setId("step-" + STEPS[i].name());
            l.getStyleClass().add(i <= reached ? "step-done" : i == reached + 1 ? "step-next" : "step-todo");
            l.setGraphic(new FontIcon(i <= reached ? "mdi2c-check-circle" : "mdi2c-circle-outline"));
            steps.getChildren().add(l);
            if (i < STEPS.length - 1) {
                steps.getChildren().add(new FontIcon("mdi2c-chevron-right"));
            }
        }
    }

    private String describe(CloseOut co) {
        if (co == null) {
            return Messages.tr("detail.closeOut.noneYet");
        }
        List<String> lines = new ArrayList<>();
        lines.add(Messages.tr("detail.closeOut.applied", DateFields.text(co.appliedOn()), co.explanation()));
        co.verificationOpt().ifPresent(v -> lines.add(Messages.tr("detail.closeOut.verified",
                DateFields.text(v.verifiedOn()), Messages.tr("closeOut.level." + v.level().name()), v.verifiers(),
                Messages.tr("closeOut.result." + (v.passed() ? "PASSED" : "FAILED")), v.note())));
        if (co.noticeFrom() != null) {
            lines.add(Messages.tr("detail.closeOut.notice", DateFields.text(co.noticeFrom()), DateFields.text(co.noticeTo())));
        }
        if (co.closedOn() != null) {
            lines.add(Messages.tr("detail.closeOut.closed", DateFields.text(co.closedOn())));
        }
        if (co.reopenedOn() != null) {
            lines.add(Messages.tr("detail.closeOut.reopened", DateFields.text(co.reopenedOn()), co.reopenReason()));
        }
        return String.join("\n", lines);
    }

    /** Shows a part of the form only at its step. */
    private Node onlyAt(CloseOutForm.Step step, Node n) {
        n.visibleProperty().bind(f.stepProperty().isEqualTo(step));
        n.managedProperty().bind(n.visibleProperty());
        return n;
    }

    private Node applyFields() {
        TextField text = FormParts.text("explanationField", "closeOut.field.explanation", f.explanationProperty());
        text.setPrefWidth(420);
        Button files = new Button(Messages.tr("detail.attach"), new FontIcon("mdi2p-paperclip"));
        files.setId("applyFilesButton");
        files.setAccessibleText(Messages.tr("detail.attach"));
        files.textProperty().bind(Bindings.createStringBinding(() -> f.files().isEmpty() ? Messages.tr("detail.attach")
                : Messages.tr("detail.attached", f.files().size()), f.files()));
        files.setOnAction(e -> f.chooseFiles());
        HBox box = new HBox(8, FormParts.labelled("closeOut.field.explanation", text), files);
        box.setAlignment(Pos.BOTTOM_LEFT);
        HBox.setHgrow(box.getChildren().get(0), Priority.ALWAYS);
        return onlyAt(CloseOutForm.Step.APPLY, box);
    }

    private Node verifyFields() {
        ComboBox<VerificationLevel> level = new ComboBox<>(FXCollections.observableArrayList(VerificationLevel.values()));
        level.setId("levelChoice");
        level.setAccessibleText(Messages.tr("closeOut.field.level"));
        level.valueProperty().bindBidirectional(f.levelProperty());
        level.setButtonCell(new LevelCell());
        level.setCellFactory(l -> new LevelCell());
        TextField verifiers = FormParts.text("verifiersField", "closeOut.field.verifiers", f.verifiersProperty());
        verifiers.setPrefWidth(240);
        ToggleGroup result = new ToggleGroup();
        RadioButton pass = new RadioButton(Messages.tr("closeOut.result.PASSED"));
        pass.setId("passedRadio");
        pass.setToggleGroup(result);
        RadioButton fail = new RadioButton(Messages.tr("closeOut.result.FAILED"));
        fail.setId("failedRadio");
        fail.setToggleGroup(result);
        pass.setSelected(f.passedProperty().get());
        fail.setSelected(!f.passedProperty().get());
        pass.selectedProperty().addListener((o, a, n) -> f.passedProperty().set(n));
        f.passedProperty().addListener((o, a, n) -> (n ? pass : fail).setSelected(true));
        TextField note = FormParts.text("verificationNoteField", "detail.closeOut.note", f.noteProperty());
        HBox box = new HBox(8, FormParts.labelled("closeOut.field.level", level),
                FormParts.labelled("closeOut.field.verifiers", verifiers), new VBox(4, pass, fail),
                FormParts.labelled("detail.closeOut.note", note));
        box.setAlignment(Pos.BOTTOM_LEFT);
        return onlyAt(CloseOutForm.Step.VERIFY, box);
    }

    private Node noticeFields() {
        DatePicker to = DateFields.picker("noticeToPicker", Messages.tr("closeOut.field.noticeTo"));
        to.valueProperty().bindBidirectional(f.noticeToProperty());
        Label hint = new Label(Messages.tr("detail.closeOut.noticeHint", vm.noticeDays()));
        hint.getStyleClass().add("hint-label");
        HBox box = new HBox(8, FormParts.labelled("closeOut.field.noticeTo", to), hint);
        box.setAlignment(Pos.BOTTOM_LEFT);
        return onlyAt(CloseOutForm.Step.NOTICE, box);
    }

    private Node reopenFields() {
        TextField reason = FormParts.text("reopenReasonField", "closeOut.field.reopenReason", f.reasonProperty());
        reason.setPrefWidth(420);
        return onlyAt(CloseOutForm.Step.REOPEN, FormParts.labelled("closeOut.field.reopenReason", reason));
    }

    private TableView<Evidence> evidenceTable;

    private TableView<Evidence> evidenceTable() {
        evidenceTable = new TableView<>(vm.evidence());
        evidenceTable.setId("evidenceTable");
        evidenceTable.setAccessibleText(Messages.tr("detail.closeOut.evidence"));
        evidenceTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        evidenceTable.setPlaceholder(new Label(Messages.tr("detail.closeOut.noEvidence")));
        evidenceTable.setPrefHeight(150);
        TableColumn<Evidence, String> name = FormParts.column("detail.evidence.name", Evidence::fileName, 260);
        TableColumn<Evidence, String> size = FormParts.column("detail.evidence.size",
                e -> EvidenceService.sizeText(e.sizeBytes()), 90);
        TableColumn<Evidence, String> with = FormParts.column("detail.evidence.with", e -> Messages.tr(
                e.reportId() != null ? "detail.evidence.withReport" : e.closeOutId() != null
                        ? "detail.evidence.withCloseOut" : "detail.evidence.withNothing"), 120);
        TableColumn<Evidence, String> added = FormParts.column("detail.evidence.added", e -> e.addedAt() == null ? ""
                : DateFields.text(e.addedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate()), 110);
        evidenceTable.getColumns().setAll(List.of(name, size, with, added));
        evidenceTable.setRowFactory(tv -> {
            javafx.scene.control.TableRow<Evidence> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(ev -> {
                if (ev.getClickCount() == 2 && !row.isEmpty()) {
                    f.previewEvidence(row.getItem(), evidenceTable.getScene().getWindow());
                }
            });
            return row;
        });
        evidenceTable.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, ev -> {
            if (ev.getCode() == javafx.scene.input.KeyCode.ENTER
                    && evidenceTable.getSelectionModel().getSelectedItem() != null) {
                f.previewEvidence(evidenceTable.getSelectionModel().getSelectedItem(),
                        evidenceTable.getScene().getWindow());
                ev.consume();
            }
        });
        return evidenceTable;
    }

    private Node evidenceButtons() {
        Button add = new Button(Messages.tr("detail.evidence.add"), new FontIcon("mdi2p-paperclip"));
        add.setId("addEvidenceButton");
        add.setAccessibleText(Messages.tr("detail.evidence.add"));
        vm.services().access().writes(add, vm.selectedProperty().isNull().or(vm.selectedWithdrawnProperty()));
        add.setOnAction(e -> f.addEvidence());
        Button preview = new Button(Messages.tr("detail.evidence.preview"), new FontIcon("mdi2e-eye-outline"));
        preview.setId("previewEvidenceButton");
        preview.setAccessibleText(Messages.tr("detail.evidence.preview"));
        preview.disableProperty().bind(evidenceTable.getSelectionModel().selectedItemProperty().isNull());
        preview.setOnAction(e -> f.previewEvidence(evidenceTable.getSelectionModel().getSelectedItem(),
                evidenceTable.getScene().getWindow()));
        Button save = new Button(Messages.tr("detail.evidence.save"), new FontIcon("mdi2c-content-save-outline"));
        save.setId("saveEvidenceButton");
        save.setAccessibleText(Messages.tr("detail.evidence.save"));
        save.disableProperty().bind(evidenceTable.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> f.saveEvidence(evidenceTable.getSelectionModel().getSelectedItem()));
        Button delete = new Button(Messages.tr("detail.evidence.delete"), new FontIcon("mdi2d-delete-outline"));
        delete.setId("deleteEvidenceButton");
        delete.setAccessibleText(Messages.tr("detail.evidence.delete"));
        vm.services().access().writes(delete, evidenceTable.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> f.deleteEvidence(evidenceTable.getSelectionModel().getSelectedItem()));
        return new HBox(8, add, preview, save, delete);
    }

    private Node historyTable() {
        TableView<CloseOut> t = new TableView<>(vm.closeOuts());
        t.setId("closeOutHistoryTable");
        t.setAccessibleText(Messages.tr("detail.closeOut.history"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(Messages.tr("detail.closeOut.noneYet")));
        t.setPrefHeight(130);
        TableColumn<CloseOut, String> applied = FormParts.column("closeOut.field.appliedOn", c -> DateFields.text(c.appliedOn()), 100);
        TableColumn<CloseOut, String> stage = FormParts.column("detail.column.state",
                c -> Texts.stage(c.stageOn(vm.today())), 130);
        TableColumn<CloseOut, String> verified = FormParts.column("closeOut.field.verifiedOn", c -> c.verificationOpt()
                .map(v -> DateFields.text(v.verifiedOn()) + " " + Messages.tr("closeOut.result." + (v.passed() ? "PASSED" : "FAILED")))
                .orElse(""), 150);
        TableColumn<CloseOut, String> closed = FormParts.column("closeOut.field.closedOn", c -> DateFields.text(c.closedOn()), 100);
        TableColumn<CloseOut, String> reason = FormParts.column("closeOut.field.reopenReason", CloseOut::reopenReason, 300);
        t.getColumns().setAll(List.of(applied, stage, verified, closed, reason));
        return t;
    }

    private static final class LevelCell extends ListCell<VerificationLevel> {
        @Override
        protected void updateItem(VerificationLevel item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Messages.tr("closeOut.level." + item.name()));
        }
    }

    Node root() {
        return root;
    }
}
