package org.duban.ui.meetings;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingRole;
import org.duban.model.MeetingSpeaker;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.duban.ui.common.LedgerAccess;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 会议: the meetings on the left; on the right the chosen one's record (kind, day, title, the people on the
 * platform, venues, attending and pledging units, the tasks it issued or reviewed, notes). The toolbar saves it,
 * and writes its bulletin and its pack with progress.
 */
public final class MeetingsView {
    private final MeetingsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final LedgerAccess access;

    public MeetingsView(MeetingsViewModel vm) {
        this(vm, LedgerAccess.writable());
    }

    /**
     * @param access read-only: the meetings can be read, not added, changed or deleted, and no bulletin or pack is
     *               made (making one records the bulletin as issued)
     */
    public MeetingsView(MeetingsViewModel vm, LedgerAccess access) {
        this.vm = vm;
        this.access = access;
        root.setId("meetingsView");
        root.setPadding(new Insets(16, 16, 8, 16));
        Label title = new Label(Messages.tr("meetings.title"));
        title.getStyleClass().add("screen-title");
        VBox top = new VBox(8, title, toolbar());
        root.setTop(top);
        ScrollPane form = new ScrollPane(form());
        form.setId("meetingForm");
        form.setFitToWidth(true);
        access.writes(form, vm.editingProperty().not());
        SplitPane split = new SplitPane(list(), form);
        split.setDividerPositions(0.34);
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
    }

    private Node toolbar() {
        Button add = access.writes(button("newMeetingButton", "meetings.new", "mdi2c-calendar-plus"));
        add.setOnAction(e -> vm.newMeeting());
        Button save = access.writes(button("saveMeetingButton", "meetings.save", "mdi2c-content-save-outline"),
                vm.editingProperty().not().or(vm.savingProperty()));
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        Button delete = access.writes(button("deleteMeetingButton", "meetings.delete", "mdi2d-delete-outline"),
                vm.editingProperty().not().or(vm.isNewProperty()));
        delete.setOnAction(e -> vm.delete());
        MeetingOutputs out = vm.outputs();
        Button bulletin = access.writes(button("bulletinButton", "meetings.bulletin", "mdi2f-file-word-box"),
                vm.editingProperty().not().or(out.workingProperty()));
        bulletin.setOnAction(e -> vm.bulletin());
        Button pack = access.writes(button("meetingPackButton", "meetings.pack", "mdi2p-package-variant-closed"),
                vm.editingProperty().not().or(vm.isNewProperty()).or(out.workingProperty()));
        pack.setOnAction(e -> vm.pack());
        ProgressBar bar = new ProgressBar();
        bar.setId("packProgress");
        bar.setAccessibleText(Messages.tr("meetings.pack.working"));
        bar.progressProperty().bind(out.progressProperty());
        bar.visibleProperty().bind(out.workingProperty());
        bar.setPrefWidth(180);
        Label status = new Label();
        status.setId("packStatus");
        status.getStyleClass().add("hint-label");
        status.textProperty().bind(out.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0); // a long message is cut short (whole in its tooltip), never the buttons' labels
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(out.statusProperty());
        status.setTooltip(whole);
        HBox.setHgrow(status, Priority.ALWAYS);
        for (Button b : List.of(add, save, delete, bulletin, pack)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar1 = new HBox(8, add, save, delete, new Label("  "), bulletin, pack, bar, status);
        bar1.setAlignment(Pos.CENTER_LEFT);
        return bar1;
    }

    private Node list() {
        TableView<Meeting> table = new TableView<>(vm.meetings());
        table.setId("meetingTable");
        table.setAccessibleText(Messages.tr("meetings.title"));
        table.setPlaceholder(new Label(Messages.tr("meetings.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<TableColumn<Meeting, String>> fixed = List.of(
                FormParts.column("meetings.column.id", (Meeting m) -> String.valueOf(m.id()), 48),
                FormParts.column("meetings.column.date", (Meeting m) -> m.heldOn().format(DateTimeFormatter.ISO_LOCAL_DATE), 100));
        fixed.forEach(c -> c.setMinWidth(c.getPrefWidth())); // number and day whole
        TableColumn<Meeting, String> kind = FormParts.column("meetings.column.kind",
                (Meeting m) -> Messages.tr("meeting.kind." + m.kind().name()), kindWidth());
        kind.setMinWidth(64); // "交办会" whole; a long English kind gives way before the title does
        TableColumn<Meeting, String> title = FormParts.column("meetings.column.title", Meeting::title, 220);
        title.setMinWidth(120);
        table.getColumns().setAll(fixed);
        table.getColumns().addAll(List.of(kind, title));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                vm.selectedProperty().set(m);
            }
        });
        vm.selectedProperty().addListener((o, a, m) -> {
            if (m == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() == null
                    || table.getSelectionModel().getSelectedItem().id() != m.id()) {
                table.getSelectionModel().select(m);
            }
        });
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    /** Wide enough for the longest kind in the window's language ("交办会", "Assignment meeting"). */
    private static double kindWidth() {
        double widest = 0;
        for (MeetingKind k : MeetingKind.values()) {
            widest = Math.max(widest, new Text(Messages.tr("meeting.kind." + k.name())).getLayoutBounds().getWidth());
        }
        return Math.max(64, Math.ceil(widest) + 20); // and the cell's padding
    }

    private Node form() {
        ComboBox<MeetingKind> kind = new ComboBox<>();
        kind.getItems().setAll(MeetingKind.values());
        kind.setId("meetingKindChoice");
        kind.setAccessibleText(Messages.tr("meetings.field.kind"));
        kind.setButtonCell(new NameCell<>("meeting.kind."));
        kind.setCellFactory(l -> new NameCell<>("meeting.kind."));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        DatePicker date = DateFields.picker("meetingDatePicker", Messages.tr("meetings.field.date"));
        date.valueProperty().bindBidirectional(vm.dateProperty());
        CheckBox video = new CheckBox(Messages.tr("meetings.field.video"));
        video.setId("videoCheck");
        video.selectedProperty().bindBidirectional(vm.videoProperty());
        HBox row1 = new HBox(12, FormParts.labelled("meetings.field.kind", kind),
                FormParts.labelled("meetings.field.date", date), video);
        row1.setAlignment(Pos.BOTTOM_LEFT);
        TextField title = FormParts.text("meetingTitleField", "meetings.field.title", vm.titleProperty());

        TextField mainVenue = FormParts.text("mainVenueField", "meetings.field.mainVenue", vm.mainVenueProperty());
        TextField subVenues = FormParts.text("subVenuesField", "meetings.field.subVenues", vm.subVenuesProperty());
        subVenues.setPromptText(Messages.tr("meetings.unitsPrompt"));
        Button defaults = button("defaultSubVenuesButton", "meetings.defaultSubVenues", "mdi2m-map-marker-radius-outline");
        defaults.setOnAction(e -> vm.defaultSubVenues());
        HBox venues = new HBox(8, grow(FormParts.labelled("meetings.field.subVenues", subVenues)), defaults);
        venues.setAlignment(Pos.BOTTOM_LEFT);

        TextArea attending = area("attendingArea", "meetings.field.attending", vm.attendingProperty(), 2);
        attending.setPromptText(Messages.tr("meetings.unitsPrompt"));
        TextField pledges = FormParts.text("pledgesField", "meetings.field.pledges", vm.pledgesProperty());
        pledges.setPromptText(Messages.tr("meetings.pledgesPrompt"));
        TextArea notes = area("meetingNotesArea", "meetings.field.notes", vm.notesProperty(), 3);

        VBox form = new VBox(8,
                row1, FormParts.labelled("meetings.field.title", title),
                FormParts.heading("meetings.speakers"), speakers(),
                FormParts.heading("meetings.venues"), FormParts.labelled("meetings.field.mainVenue", mainVenue), venues,
                FormParts.heading("meetings.units"), FormParts.labelled("meetings.field.attending", attending),
                FormParts.labelled("meetings.field.pledges", pledges),
                FormParts.heading("meetings.tasks"), tasks(),
                FormParts.labelled("meetings.field.notes", notes),
                FormParts.error("meetingError", vm.errorProperty()));
        form.setPadding(new Insets(0, 12, 12, 12));
        return form;
    }

    private Node speakers() {
        TableView<MeetingSpeaker> table = new TableView<>(vm.speakers());
        table.setId("speakerTable");
        table.setAccessibleText(Messages.tr("meetings.speakers"));
        table.setPlaceholder(new Label(Messages.tr("meetings.speakers.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(205);
        table.getColumns().setAll(List.of(
                FormParts.column("meetings.speaker.role", (MeetingSpeaker s) -> Messages.tr("meetings.role." + s.role().name()), 110),
                FormParts.column("meetings.speaker.post", MeetingSpeaker::post, 180),
                FormParts.column("meetings.speaker.name", MeetingSpeaker::name, 120)));
        ComboBox<MeetingRole> role = new ComboBox<>();
        role.getItems().setAll(MeetingRole.values());
        role.setId("speakerRoleChoice");
        role.setAccessibleText(Messages.tr("meetings.speaker.role"));
        role.setButtonCell(new NameCell<>("meetings.role."));
        role.setCellFactory(l -> new NameCell<>("meetings.role."));
        role.valueProperty().bindBidirectional(vm.speakerRoleProperty());
        role.setMinWidth(Region.USE_PREF_SIZE);
        TextField post = FormParts.text("speakerPostField", "meetings.speaker.post", vm.speakerPostProperty());
        TextField name = FormParts.text("speakerNameField", "meetings.speaker.name", vm.speakerNameProperty());
        name.setOnAction(e -> vm.addSpeaker());
        Button add = button("addSpeakerButton", "meetings.speaker.add", "mdi2p-plus");
        add.setOnAction(e -> vm.addSpeaker());
        Button up = button("speakerUpButton", "meetings.speaker.up", "mdi2a-arrow-up");
        up.setOnAction(e -> vm.moveSpeaker(table.getSelectionModel().getSelectedItem(), -1));
        Button down = button("speakerDownButton", "meetings.speaker.down", "mdi2a-arrow-down");
        down.setOnAction(e -> vm.moveSpeaker(table.getSelectionModel().getSelectedItem(), 1));
        Button remove = button("removeSpeakerButton", "meetings.speaker.remove", "mdi2d-delete-outline");
        remove.setOnAction(e -> vm.removeSpeaker(table.getSelectionModel().getSelectedItem()));
        for (Button b : List.of(up, down, remove)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        for (Button b : List.of(add, up, down, remove)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the fields give way, never the buttons' labels
        }
        HBox addRow = new HBox(8, FormParts.labelled("meetings.speaker.role", role),
                FormParts.labelled("meetings.speaker.post", post), grow(FormParts.labelled("meetings.speaker.name", name)),
                add, up, down, remove);
        addRow.setAlignment(Pos.BOTTOM_LEFT);
        return new VBox(6, table, addRow);
    }

    private Node tasks() {
        Label summary = new Label();
        summary.setId("tasksSummary");
        summary.setWrapText(true);
        Runnable refresh = () -> summary.setText(vm.tasksSummary());
        vm.kindProperty().addListener((o, a, k) -> refresh.run());
        vm.issuedTasksProperty().addListener((o, a, n) -> refresh.run());
        vm.reviewRows().addListener((ListChangeListener<ReviewRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> r.reviewedProperty().addListener((o, a, n) -> refresh.run()));
            }
            refresh.run();
        });

        TableView<ReviewRow> table = new TableView<>(vm.reviewRows());
        table.setId("reviewTable");
        table.setAccessibleText(Messages.tr("meetings.tasks"));
        table.setEditable(true);
        table.setPrefHeight(260);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReviewRow, Boolean> check = new TableColumn<>(Messages.tr("meetings.review.column"));
        check.setCellValueFactory(d -> d.getValue().reviewedProperty());
        check.setCellFactory(CheckBoxTableCell.forTableColumn(check));
        check.setEditable(true);
        check.setPrefWidth(56);
        TableColumn<ReviewRow, String> seq = new TableColumn<>(Messages.tr("task.field.seq"));
        seq.setCellValueFactory(d -> new ReadOnlyStringWrapper(String.valueOf(d.getValue().task().seq())));
        seq.setPrefWidth(52);
        table.getColumns().setAll(List.of(check, seq,
                FormParts.column("task.field.status", (ReviewRow r) -> Messages.tr("status." + r.status().name()), 110),
                FormParts.column("task.field.problem", (ReviewRow r) -> r.task().problem(), 420)));
        Button all = button("reviewAllButton", "meetings.review.all", "mdi2c-check");
        all.setOnAction(e -> vm.reviewAll(false));
        Button open = button("reviewOpenButton", "meetings.review.open", "mdi2c-check-circle");
        open.setOnAction(e -> vm.reviewAll(true));
        HBox buttons = new HBox(8, all, open);
        VBox followUp = new VBox(6, buttons, table);
        followUp.visibleProperty().bind(vm.kindProperty().isNotEqualTo(MeetingKind.ASSIGNMENT));
        followUp.managedProperty().bind(followUp.visibleProperty());
        Label hint = new Label(Messages.tr("meetings.tasks.assignmentHint"));
        hint.getStyleClass().add("hint-label");
        hint.setWrapText(true);
        hint.visibleProperty().bind(followUp.visibleProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        return new VBox(6, summary, hint, followUp);
    }

    private static TextArea area(String id, String key, javafx.beans.property.StringProperty bound, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setAccessibleText(Messages.tr(key));
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(bound);
        return a;
    }

    private static Button button(String id, String key, String icon) {
        Button b = new Button(Messages.tr(key), new FontIcon(icon));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        return b;
    }

    private static <T extends Region> T grow(T n) {
        HBox.setHgrow(n, Priority.ALWAYS);
        return n;
    }

    /** An enum value by its bundle key ({@code meeting.kind.PUSH} → 推进会). */
    private static final class NameCell<E extends Enum<E>> extends ListCell<E> {
        private final String prefix;

        NameCell(String prefix) {
            this.prefix = prefix;
        }

        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : Messages.tr(prefix + item.name()));
        }
    }

    public Region root() {
        return root;
    }
}
