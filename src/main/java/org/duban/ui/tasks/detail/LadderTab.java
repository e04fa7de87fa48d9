package org.duban.ui.tasks.detail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Interview;
import org.duban.model.Notice;
import org.duban.service.ladder.DeskItem;
import org.duban.service.tracking.AssignmentState;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.duban.ui.common.FormWork;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 督办: the task's place on the supervision ladder. What the ladder suggests for its units (a person confirms each
 * step on the desk), the 催办单 and 督办通知书 that list it with their responses (recording one received: its day
 * and text), and the 约谈 with its units (recording one for the chosen unit, with its printable 约谈通知). Read
 * when the tab is shown, in the background.
 */
final class LadderTab {
    private final TaskDetailViewModel vm;
    private final DetailServices services;
    private final VBox root = new VBox(8);
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ObservableList<Interview> interviews = FXCollections.observableArrayList();
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final TableView<Notice> noticeTable = new TableView<>(notices);
    private final TableView<Interview> interviewTable = new TableView<>(interviews);
    private final Label suggestionText = new Label();

    final ObjectProperty<LocalDate> responseOn = new SimpleObjectProperty<>();
    final StringProperty responseText = new SimpleStringProperty("");
    final StringProperty responseError = new SimpleStringProperty("");
    final BooleanProperty responseSaving = new SimpleBooleanProperty(false);

    final ObjectProperty<LocalDate> heldOn = new SimpleObjectProperty<>();
    final StringProperty leader = new SimpleStringProperty("");
    final StringProperty attendees = new SimpleStringProperty("");
    final StringProperty minutes = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> followUp = new SimpleObjectProperty<>();
    final BooleanProperty writeNotice = new SimpleBooleanProperty(true);
    final StringProperty interviewError = new SimpleStringProperty("");
    final BooleanProperty interviewSaving = new SimpleBooleanProperty(false);

    LadderTab(TaskDetailViewModel vm) {
        this.vm = vm;
        this.services = vm.services();
        root.setId("ladderTabContent");
        root.setPadding(new Insets(12));
        suggestionText.setId("ladderSuggestions");
        suggestionText.setWrapText(true);
        suggestions.addListener((javafx.collections.ListChangeListener<String>) c -> suggestionText.setText(
                suggestions.isEmpty() ? Messages.tr("ladder.tab.noSuggestion") : String.join("\n", suggestions)));
        suggestionText.setText(Messages.tr("ladder.tab.noSuggestion"));
        Label hint = new Label(Messages.tr("ladder.tab.suggestHint"));
        hint.getStyleClass().add("hint-label");
        hint.setWrapText(true);
        root.getChildren().addAll(FormParts.heading("ladder.tab.suggestions"), suggestionText, hint,
                FormParts.heading("ladder.tab.notices"), noticeTable(), responseForm(),
                FormParts.heading("ladder.tab.interviews"), interviewTable(), interviewForm());
    }

    Node root() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setId("ladderTabScroll");
        return scroll;
    }

    /** One look for the tab's tables: id, screen-reader name, height, flexible last column, empty-table line. */
    private static <S> TableView<S> shaped(TableView<S> t, String id, String nameKey, String emptyKey, double pref,
            double min) {
        t.setId(id);
        t.setAccessibleText(Messages.tr(nameKey));
        t.setPrefHeight(pref);
        t.setMinHeight(min);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(Messages.tr(emptyKey)));
        return t;
    }

    private TableView<Notice> noticeTable() {
        TableView<Notice> t = shaped(noticeTable, "ladderNoticeTable", "ladder.tab.notices", "ladder.tab.noNotice",
                150, 110);
        t.getColumns().setAll(List.of(
                FormParts.column("ladder.col.kind", (Notice n) -> Messages.tr("notice.doc.kind." + n.level().name()), 90),
                FormParts.column("ladder.col.number", (Notice n) -> n.draft() ? Messages.tr("ladder.tab.draft")
                        : n.number(), 130),
                FormParts.column("ladder.col.unit", (Notice n) -> vm.unitName(n.unitId()), 110),
                FormParts.column("ladder.col.issued", (Notice n) -> DateFields.text(n.issuedOn()), 95),
                FormParts.column("ladder.col.due", (Notice n) -> DateFields.text(n.responseDue()), 95),
                FormParts.column("ladder.col.response", this::responseState, 120),
                FormParts.column("ladder.col.responseText", Notice::responseText, 260)));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            responseError.set("");
            responseOn.set(n == null ? null : n.responseOn() != null ? n.responseOn() : vm.today());
            responseText.set(n == null ? "" : n.responseText());
        });
        return t;
    }

    /** "2026-12-02 已答复", "逾期未答复", "待答复", "草稿". */
    private String responseState(Notice n) {
        if (n.draft()) {
            return Messages.tr("ladder.tab.draft");
        }
        if (n.responseOn() != null) {
            return Messages.tr("ladder.tab.answered", DateFields.text(n.responseOn()));
        }
        return n.responseDue().isBefore(vm.today()) ? Messages.tr("ladder.tab.late") : Messages.tr("ladder.tab.waiting");
    }

    private Node responseForm() {
        DatePicker day = DateFields.picker("responseDatePicker", Messages.tr("ladder.field.responseOn"));
        day.valueProperty().bindBidirectional(responseOn);
        TextArea text = new TextArea();
        text.setId("responseTextArea");
        text.setAccessibleText(Messages.tr("ladder.field.responseText"));
        text.setPromptText(Messages.tr("ladder.field.responseText"));
        text.setPrefRowCount(2);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(responseText);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button save = new Button(Messages.tr("ladder.tab.recordResponse"), new FontIcon("mdi2c-check"));
        save.setId("recordResponseButton");
        services.access().writes(save, noticeTable.getSelectionModel().selectedItemProperty().isNull().or(responseSaving));
        save.setOnAction(e -> {
            DateFields.commit(day);
            recordResponse();
        });
        HBox row = new HBox(8, FormParts.labelled("ladder.field.responseOn", day),
                FormParts.labelled("ladder.field.responseText", text), save);
        row.setAlignment(Pos.BOTTOM_LEFT);
        HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        return new VBox(4, row, FormParts.error("responseError", responseError));
    }

    /** Records the selected notice's response as typed (a wrong day or missing text lands in the form's error). */
    void recordResponse() {
        Notice n = noticeTable.getSelectionModel().getSelectedItem();
        if (n == null) {
            return;
        }
        LocalDate on = responseOn.get();
        String text = responseText.get();
        FormWork.run(services.runner(), services.dialogs(),
                () -> services.desk().notices().recordResponse(n.id(), on, text), responseError, responseSaving,
                saved -> vm.load(() -> load(() -> select(saved.id()))));
    }

    private void select(long noticeId) {
        notices.stream().filter(x -> x.id() == noticeId).findFirst()
                .ifPresent(x -> noticeTable.getSelectionModel().select(x));
    }

    private TableView<Interview> interviewTable() {
        TableView<Interview> t = shaped(interviewTable, "ladderInterviewTable", "ladder.tab.interviews",
                "ladder.tab.noInterview", 110, 90);
        t.getColumns().setAll(List.of(
                FormParts.column("ladder.col.number", Interview::number, 130),
                FormParts.column("ladder.col.unit", (Interview i) -> vm.unitName(i.unitId()), 110),
                FormParts.column("ladder.col.heldOn", (Interview i) -> DateFields.text(i.heldOn()), 95),
                FormParts.column("ladder.field.leader", Interview::leader, 110),
                FormParts.column("ladder.col.followUp", (Interview i) -> i.followUpDue() == null ? ""
                        : DateFields.text(i.followUpDue()), 95),
                FormParts.column("ladder.field.minutes", Interview::minutes, 260)));
        return t;
    }

    private Node interviewForm() {
        Label unit = new Label();
        unit.setId("interviewUnitLabel");
        unit.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            AssignmentState s = vm.selectedProperty().get();
            return Messages.tr("ladder.tab.interviewUnit", s == null ? "" : vm.unitName(s.unitId()));
        }, vm.selectedProperty(), vm.detailProperty()));
        DatePicker held = DateFields.picker("interviewDatePicker", Messages.tr("ladder.field.heldOn"));
        held.valueProperty().bindBidirectional(heldOn);
        TextField who = FormParts.text("interviewLeaderField", "ladder.field.leader", leader);
        TextField with = FormParts.text("interviewAttendeesField", "ladder.field.attendees", attendees);
        with.setPrefWidth(260);
        DatePicker follow = DateFields.picker("interviewFollowUpPicker", Messages.tr("ladder.field.followUp"));
        follow.valueProperty().bindBidirectional(followUp);
        TextArea notes = new TextArea();
        notes.setId("interviewMinutesArea");
        notes.setAccessibleText(Messages.tr("ladder.field.minutes"));
        notes.setPromptText(Messages.tr("ladder.field.minutes"));
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(minutes);
        CheckBox print = new CheckBox(Messages.tr("ladder.tab.writeTalkNotice"));
        print.setId("interviewNoticeCheck");
        print.selectedProperty().bindBidirectional(writeNotice);
        Button save = new Button(Messages.tr("ladder.tab.recordInterview"), new FontIcon("mdi2c-calendar-account-outline"));
        save.setId("recordInterviewButton");
        services.access().writes(save, vm.selectedProperty().isNull().or(interviewSaving)
                .or(vm.selectedWithdrawnProperty()));
        save.setOnAction(e -> {
            DateFields.commit(held);
            DateFields.commit(follow);
            recordInterview();
        });
        Button again = new Button(Messages.tr("ladder.tab.printTalkNotice"), new FontIcon("mdi2p-printer"));
        again.setId("printInterviewButton");
        again.disableProperty().bind(interviewTable.getSelectionModel().selectedItemProperty().isNull());
        again.setOnAction(e -> printInterview());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, FormParts.labelled("ladder.field.heldOn", held), FormParts.labelled("ladder.field.leader", who),
                FormParts.labelled("ladder.field.attendees", with), FormParts.labelled("ladder.field.followUp", follow));
        grid.add(FormParts.labelled("ladder.field.minutes", notes), 0, 1, 4, 1);
        HBox buttons = new HBox(8, unit, print, save, again);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, grid, buttons, FormParts.error("interviewError", interviewError));
    }

    /**
     * Records a 约谈 with the chosen unit as typed; with 约谈通知 ticked, asks where to write it first (cancelled: nothing
     * is recorded).
     */
    void recordInterview() {
        AssignmentState s = vm.selectedProperty().get();
        if (s == null) {
            return;
        }
        long unitId = s.unitId();
        LocalDate day = heldOn.get();
        Path file = null;
        if (writeNotice.get()) {
            String name = Messages.tr("ladder.tab.talkFile", vm.unitName(unitId).replaceAll("[\\\\/:*?\"<>|\\s]+", "_"),
                    day == null ? "" : day.toString());
            file = services.dialogs().chooseSaveFile(Messages.tr("ladder.tab.writeTalkNotice"), name).orElse(null);
            if (file == null) {
                return;
            }
        }
        Path target = file;
        String who = leader.get();
        String with = attendees.get();
        String notes = minutes.get();
        LocalDate follow = followUp.get();
        FormWork.run(services.runner(), services.dialogs(),
                () -> services.interviews().record(unitId, day, who, with, notes, follow, target), interviewError,
                interviewSaving, saved -> {
                    leader.set("");
                    attendees.set("");
                    minutes.set("");
                    followUp.set(null);
                    if (target != null) {
                        services.dialogs().showInfo(Messages.tr("ladder.tab.interviews"),
                                Messages.tr("ladder.tab.interviewDone", saved.number(), target.toString()));
                    }
                    vm.load(this::load);
                });
    }

    private void printInterview() {
        Interview i = interviewTable.getSelectionModel().getSelectedItem();
        if (i == null) {
            return;
        }
        String name = Messages.tr("ladder.tab.talkFile", vm.unitName(i.unitId()).replaceAll("[\\\\/:*?\"<>|\\s]+", "_"),
                i.heldOn().toString());
        services.dialogs().chooseSaveFile(Messages.tr("ladder.tab.printTalkNotice"), name).ifPresent(file ->
                services.runner().run(() -> services.interviews().writeNotice(i, file),
                        f -> services.dialogs().showInfo(Messages.tr("ladder.tab.interviews"),
                                Messages.tr("ladder.tab.interviewDone", i.number(), f.toString())), vm::failed));
    }

    private record Loaded(List<Notice> notices, List<Interview> interviews, List<String> suggestions) {
    }

    /** Reads the task's notices, its units' 约谈 and what the ladder suggests for them. */
    void load() {
        load(null);
    }

    void load(Runnable then) {
        long taskId = vm.taskId();
        Set<Long> units = vm.assignments().stream().map(AssignmentState::unitId).collect(Collectors.toSet());
        LocalDate today = vm.today();
        if (heldOn.get() == null) {
            heldOn.set(today);
        }
        services.runner().run(() -> {
            List<Notice> ns = services.desk().notices().ofTask(taskId);
            List<Interview> is = services.interviews().all().stream().filter(i -> units.contains(i.unitId())).toList();
            List<String> ss = services.desk().suggestionsFor(units, today).stream().map(LadderTab::suggestion).toList();
            return new Loaded(ns, is, ss);
        }, l -> {
            Notice sel = noticeTable.getSelectionModel().getSelectedItem();
            notices.setAll(l.notices());
            interviews.setAll(l.interviews());
            suggestions.setAll(l.suggestions());
            if (sel != null) {
                select(sel.id());
            }
            if (then != null) {
                then.run();
            }
        }, vm::failed);
    }

    private static String suggestion(DeskItem i) {
        return Messages.tr("ladder.tab.suggestion", i.unit(), i.detail());
    }

    ObservableList<Notice> notices() {
        return notices;
    }

    ObservableList<Interview> interviews() {
        return interviews;
    }

    ObservableList<String> suggestions() {
        return suggestions;
    }
}
