package org.duban.ui.tasks.detail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.AuditEntry;
import org.duban.model.CloseOut;
import org.duban.model.Evidence;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.Unit;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskDetail;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FormWork;

/**
 * State of the task detail view: the task as it stands today, the unit chosen (进展, 节点 and 销号 are per unit),
 * that unit's records, the task's history, and the forms of each tab. Everything loads and saves through the
 * runner; after each change the whole task is read again, so every tab shows the same state.
 */
public final class TaskDetailViewModel {
    private final DetailServices services;
    private final long taskId;
    private final ObjectProperty<TaskDetail> detail = new SimpleObjectProperty<>();
    private final ObservableList<AssignmentState> assignments = FXCollections.observableArrayList();
    private final ObjectProperty<AssignmentState> selected = new SimpleObjectProperty<>();
    private final ObservableList<ProgressReport> reports = FXCollections.observableArrayList();
    private final ObservableList<Milestone> milestones = FXCollections.observableArrayList();
    private final ObservableList<CloseOut> closeOuts = FXCollections.observableArrayList();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty selectedWithdrawn = new SimpleBooleanProperty(false);
    private final ProgressForm progressForm;
    private final CloseOutForm closeOutForm;
    private final SupervisionForm supervisionForm;
    private int noticeDays = 7;

    public TaskDetailViewModel(DetailServices services, long taskId) {
        this.services = services;
        this.taskId = taskId;
        this.progressForm = new ProgressForm(this);
        this.closeOutForm = new CloseOutForm(this);
        this.supervisionForm = new SupervisionForm(this);
        selected.addListener((obs, o, n) -> showSelected());
    }

    private record Loaded(TaskDetail detail, int noticeDays, java.util.OptionalLong supervisionVersion) {
    }

    /** Reads the task again (keeping the unit chosen); {@code then} runs after, on the FX thread. */
    public void load(Runnable then) {
        loading.set(true);
        services.runner().run(() -> {
                    // the version first: a change between the two reads makes a save refused, never overwriting
                    java.util.OptionalLong supervisionVersion = services.supervision().version(taskId);
                    return new Loaded(services.tracking().detail(taskId), services.tracking().settings().noticeDays(),
                            supervisionVersion);
                },
                loaded -> {
                    loading.set(false);
                    noticeDays = loaded.noticeDays();
                    apply(loaded.detail(), loaded.supervisionVersion());
                    if (then != null) {
                        then.run();
                    }
                },
                e -> {
                    loading.set(false);
                    failed(e);
                });
    }

    public void load() {
        load(null);
    }

    /** The unit whose share is chosen when the task is first shown (the checklist's unit filter), or null. */
    private Long openingUnit;

    /** Shows {@code unitId}'s share first (its reports, milestones, 销号) when the task has it; else the first unit's. */
    public void openAtUnit(Long unitId) {
        this.openingUnit = unitId;
    }

    private void apply(TaskDetail d, java.util.OptionalLong supervisionVersion) {
        Long unit = selected.get() == null ? openingUnit : Long.valueOf(selected.get().unitId());
        detail.set(d);
        // the active shares, then the withdrawn ones (shown greyed, their records read-only)
        List<AssignmentState> all = new ArrayList<>(d.tracking().states());
        all.addAll(d.withdrawnStates());
        assignments.setAll(all);
        AssignmentState keep = all.stream().filter(s -> unit != null && s.unitId() == unit)
                .findFirst().orElse(all.isEmpty() ? null : all.get(0));
        // an equal state (a change that does not move the share, such as deleting a file) fires no change event
        boolean same = java.util.Objects.equals(keep, selected.get());
        selected.set(keep);
        if (same) {
            showSelected();
        }
        history.setAll(d.history());
        supervisionForm.reset(d.tracking().supervision(), supervisionVersion);
    }

    private void showSelected() {
        TaskDetail d = detail.get();
        AssignmentState s = selected.get();
        selectedWithdrawn.set(d != null && s != null && d.withdrawal(s.assignmentId()).isPresent());
        if (d == null || s == null) {
            reports.clear();
            milestones.clear();
            closeOuts.clear();
            evidence.clear();
        } else {
            reports.setAll(d.reportsOf(s.assignmentId()));
            milestones.setAll(d.milestonesOf(s.assignmentId()));
            closeOuts.setAll(d.closeOutsOf(s.assignmentId()));
            evidence.setAll(d.evidenceOf(s.assignmentId()));
        }
        progressForm.reset(reports.isEmpty() ? null : reports.get(0).reporter());
        closeOutForm.reset(s);
    }

    /**
     * Runs a change in the background. A message for the user (a {@link LocalizedException}) goes to the form's
     * error text; anything else is shown as an error. On success the task is read again, then {@code then}
     * runs with the result.
     */
    <T> void change(Callable<T> work, StringProperty error, BooleanProperty saving, Consumer<T> then) {
        FormWork.run(services.runner(), services.dialogs(), work, error, saving, result -> load(() -> then.accept(result)),
                e -> {
                    if (e instanceof org.duban.service.audit.EditConflictException conflict) {
                        // another seat changed it first: the tabs show its change, the message stays by the form
                        String message = conflict.getLocalizedMessage();
                        load(() -> error.set(message));
                    }
                });
    }

    /** Whether this state is a withdrawn share's (已撤出). */
    public boolean isWithdrawn(AssignmentState s) {
        TaskDetail d = detail.get();
        return d != null && s != null && d.withdrawal(s.assignmentId()).isPresent();
    }

    /** "已撤出（2026-11-29，导入“清单.xlsx”）" for a withdrawn share, "" for an active one. */
    public String withdrawnText(AssignmentState s) {
        TaskDetail d = detail.get();
        if (d == null || s == null) {
            return "";
        }
        return d.withdrawal(s.assignmentId()).map(w -> w.importId() == null
                ? Messages.tr("detail.withdrawn.byHand", DateFields.text(w.withdrawnOn()))
                : Messages.tr("detail.withdrawn.byImport", DateFields.text(w.withdrawnOn()), w.importFile()))
                .orElse("");
    }

    /** Makes the chosen withdrawn share active again (its records count again), then reads the task again. */
    public void restoreSelected() {
        AssignmentState s = selected.get();
        if (!isWithdrawn(s)) {
            return;
        }
        long id = s.assignmentId();
        services.runner().run(() -> {
            services.tasks().restoreShare(id);
            return id;
        }, done -> load(), this::failed);
    }

    public BooleanProperty selectedWithdrawnProperty() {
        return selectedWithdrawn;
    }

    void failed(Throwable e) {
        services.dialogs().showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    DetailServices services() {
        return services;
    }

    int noticeDays() {
        return noticeDays;
    }

    /** Today by the services' clock. */
    public LocalDate today() {
        return services.tracking().today();
    }

    /** The id of the chosen unit's assignment, or null. */
    Long selectedAssignmentId() {
        return selected.get() == null ? null : selected.get().assignmentId();
    }

    /** A unit's name as the tabs show it. */
    public String unitName(long unitId) {
        TaskDetail d = detail.get();
        return d == null ? "" : d.unit(unitId).map(Unit::name).orElse("");
    }

    public long taskId() {
        return taskId;
    }

    public ReadOnlyObjectProperty<TaskDetail> detailProperty() {
        return detail;
    }

    public ObservableList<AssignmentState> assignments() {
        return assignments;
    }

    public ObjectProperty<AssignmentState> selectedProperty() {
        return selected;
    }

    public ObservableList<ProgressReport> reports() {
        return reports;
    }

    public ObservableList<Milestone> milestones() {
        return milestones;
    }

    public ObservableList<CloseOut> closeOuts() {
        return closeOuts;
    }

    public ObservableList<Evidence> evidence() {
        return evidence;
    }

    public ObservableList<AuditEntry> history() {
        return history;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ProgressForm progressForm() {
        return progressForm;
    }

    public CloseOutForm closeOutForm() {
        return closeOutForm;
    }

    public SupervisionForm supervisionForm() {
        return supervisionForm;
    }
}
