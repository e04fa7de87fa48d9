package org.duban.ui.tasks.detail;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskDetail;
import org.duban.ui.common.FormGuard;
import org.duban.ui.common.LightBadge;
import org.duban.ui.common.OpenForms;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The task detail view: a header (序号, problem, light, status, 挂牌督办), the units of the task to choose from
 * (each with its light), and the tabs 基本信息, 进展, 节点, 销号, 督办, 历史. Esc or the back button returns to the
 * checklist.
 */
public final class TaskDetailView {
    private final TaskDetailViewModel vm;
    private final Runnable back;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final FlowPane unitBar = new FlowPane(6, 6);
    private final ToggleGroup unitGroup = new ToggleGroup();
    private final ProgressTab progressTab;

    /**
     * @param onBack back to the checklist
     * @param onEdit open the edit form of the task's basic fields
     */
    public TaskDetailView(TaskDetailViewModel vm, Runnable onBack, Runnable onEdit) {
        this(vm, onBack, onEdit, "detail.back");
    }

    /**
     * @param onBack back to where the task was opened from
     * @param onEdit open the edit form of the task's basic fields
     * @param backKey bundle key of the back button, naming where it returns (e.g. {@code detail.back.desk})
     */
    public TaskDetailView(TaskDetailViewModel vm, Runnable onBack, Runnable onEdit, String backKey) {
        // Esc and 返回 ask before a half-typed report or milestone is thrown away
        OpenForms.Form typed = new OpenForms.Form() {
            @Override
            public String what() {
                TaskDetail d = vm.detailProperty().get();
                return Messages.tr("unsaved.forms.report", d == null ? "" : String.valueOf(d.task().seq()));
            }

            @Override
            public boolean isDirty() {
                return vm.progressForm().isDirty();
            }

            @Override
            public void save(Runnable then) {
                vm.progressForm().saveTyped(then);
            }

            @Override
            public void discard() {
                vm.progressForm().discardTyped();
            }
        };
        this.back = () -> {
            if (FormGuard.mayDiscard(vm.progressForm().isDirty(), vm.services().dialogs())) {
                OpenForms.forget(root, typed);
                onBack.run();
            }
        };
        this.vm = vm;
        root.setId("taskDetailView");
        OpenForms.track(root, typed); // closing the window asks about a half-typed report
        root.setPadding(new Insets(12, 16, 8, 16));
        root.setTop(header(onEdit, backKey));
        this.progressTab = new ProgressTab(vm);
        Tab basic = tab("basicTab", "detail.tab.basic", new BasicTab(vm).root());
        Tab progress = tab("progressTab", "detail.tab.progress", progressTab.root());
        Tab milestones = tab("milestonesTab", "detail.tab.milestones", new MilestonesTab(vm).root());
        Tab closeOut = tab("closeOutTab", "detail.tab.closeOut", new CloseOutTab(vm).root());
        LadderTab ladderTab = new LadderTab(vm);
        Tab ladder = tab("ladderTab", "detail.tab.ladder", ladderTab.root());
        Tab history = tab("historyTab", "detail.tab.history", new HistoryTab(vm).root());
        tabs.getTabs().setAll(basic, progress, milestones, closeOut, ladder, history);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detailTabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n == progress) {
                progressTab.focusPercent();
            } else if (n == ladder) {
                ladderTab.load();
            }
        });
        root.setCenter(tabs);
        BorderPane.setMargin(tabs, new Insets(8, 0, 0, 0));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                back.run();
            }
        });
        vm.assignments().addListener((javafx.collections.ListChangeListener<AssignmentState>) c -> rebuildUnits());
        vm.selectedProperty().addListener((obs, o, n) -> markSelected());
    }

    private static Tab tab(String id, String key, javafx.scene.Node content) {
        Tab t = new Tab(Messages.tr(key), content);
        t.setId(id);
        return t;
    }

    private VBox header(Runnable onEdit, String backKey) {
        Button back = new Button(Messages.tr(backKey), new FontIcon("mdi2a-arrow-left"));
        back.setId("backButton");
        back.setAccessibleText(Messages.tr(backKey));
        back.getStyleClass().add("flat");
        back.setOnAction(e -> this.back.run());

        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("screen-title");
        title.setWrapText(false);
        title.setMinWidth(0);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            TaskDetail d = vm.detailProperty().get();
            return d == null ? "" : Messages.tr("detail.title", d.task().seq(), d.task().problem());
        }, vm.detailProperty()));
        title.tooltipProperty().bind(Bindings.createObjectBinding(() -> {
            TaskDetail d = vm.detailProperty().get();
            return d == null ? null : wrap(d.task().problem());
        }, vm.detailProperty()));
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);

        Label light = new Label();
        light.setId("detailLight");
        Label status = new Label();
        status.setId("detailStatus");
        status.getStyleClass().add("status-tag");
        Label supervised = new Label(Messages.tr("detail.supervised"), new FontIcon("mdi2f-flag"));
        supervised.setId("detailSupervised");
        supervised.getStyleClass().add("supervised-tag");
        vm.detailProperty().addListener((obs, o, d) -> {
            LightBadge.show(light, d == null ? null : d.tracking().light());
            status.setText(d == null ? "" : Messages.tr("status." + d.tracking().status().name()));
            boolean sup = d != null && d.tracking().supervised();
            supervised.setVisible(sup);
            supervised.setManaged(sup);
            supervised.setText(!sup ? "" : Messages.tr(d.tracking().supervisionReportOverdue()
                    ? "detail.supervisedOverdue" : "detail.supervised", d.tracking().supervision().leader()));
        });
        supervised.setVisible(false);
        supervised.setManaged(false);

        Button edit = new Button(Messages.tr("detail.edit"), new FontIcon("mdi2p-pencil"));
        edit.setId("editBasicButton");
        edit.setAccessibleText(Messages.tr("detail.edit"));
        edit.setOnAction(e -> onEdit.run());
        vm.services().access().writes(edit);

        DossierExport export = new DossierExport(vm);
        Button dossier = new Button(Messages.tr("detail.dossier"), new FontIcon("mdi2f-folder-zip-outline"));
        dossier.setId("dossierButton");
        dossier.setAccessibleText(Messages.tr("detail.dossier"));
        dossier.setTooltip(new Tooltip(Messages.tr("detail.dossier.tip")));
        dossier.disableProperty().bind(export.runningProperty().or(vm.detailProperty().isNull()));
        dossier.setOnAction(e -> export.run());
        ProgressIndicator exporting = new ProgressIndicator();
        exporting.setId("dossierProgress");
        exporting.setPrefSize(18, 18);
        exporting.visibleProperty().bind(export.runningProperty());
        exporting.managedProperty().bind(export.runningProperty());

        for (javafx.scene.control.Control c : java.util.List.of(back, light, status, dossier, edit)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        supervised.setMinWidth(Region.USE_PREF_SIZE);
        HBox titleRow = new HBox(12, back, title, supervised, light, status, exporting, dossier, edit);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        Label unitsLabel = new Label(Messages.tr("detail.units"));
        unitsLabel.getStyleClass().add("form-label");
        unitBar.setId("unitBar");
        unitBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(unitBar, Priority.ALWAYS);
        Label hint = new Label(Messages.tr("detail.units.hint"));
        hint.getStyleClass().add("hint-label");
        Region spacer = new Region();
        HBox unitRow = new HBox(8, unitsLabel, unitBar, spacer, hint);
        unitRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, titleRow, unitRow);
    }

    private static Tooltip wrap(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }

    private void rebuildUnits() {
        unitBar.getChildren().clear();
        unitGroup.getToggles().clear();
        for (AssignmentState s : vm.assignments()) {
            boolean withdrawn = vm.isWithdrawn(s);
            String name = withdrawn ? Messages.tr("detail.withdrawn.unit", vm.unitName(s.unitId())) : vm.unitName(s.unitId());
            ToggleButton b = new ToggleButton(name);
            b.setId("unit-" + s.unitId());
            b.setUserData(s);
            b.setToggleGroup(unitGroup);
            b.getStyleClass().add("unit-toggle");
            Label dot = LightBadge.of(s.light());
            dot.setText(null);
            b.setGraphic(dot.getGraphic());
            b.getStyleClass().add(LightBadge.cssClass(s.light()));
            String lightText = Messages.tr("light." + s.light().name());
            b.setAccessibleText(name + " " + lightText);
            b.setTooltip(new Tooltip(withdrawn ? vm.withdrawnText(s) : lightText + "：" + Texts.reasons(s) + "\n"
                    + Messages.tr("status." + s.status().name()) + "，" + Texts.progress(s)));
            if (withdrawn) {
                b.getStyleClass().add("withdrawn");
                b.getStyleClass().remove(LightBadge.cssClass(s.light()));
                b.setGraphic(null); // no light: a withdrawn share counts nowhere
                b.setAccessibleText(name);
            }
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                vm.selectedProperty().set((AssignmentState) b.getUserData());
            });
            unitBar.getChildren().add(b);
        }
        markSelected();
    }

    private void markSelected() {
        AssignmentState sel = vm.selectedProperty().get();
        for (var t : unitGroup.getToggles()) {
            AssignmentState s = (AssignmentState) t.getUserData();
            t.setSelected(sel != null && s.assignmentId() == sel.assignmentId());
        }
    }

    /** Shows a tab by id (basicTab, progressTab, milestonesTab, closeOutTab, ladderTab, historyTab). */
    public void showTab(String id) {
        tabs.getTabs().stream().filter(t -> t.getId().equals(id)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public Region root() {
        return root;
    }
}
