package org.duban.ui.inspections;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.service.inspections.InspectionService;
import org.duban.service.meetings.MeetingService;
import org.duban.service.tasks.TaskInput;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FormWork;
import org.duban.ui.common.TaskRunner;

/**
 * State of the 下沉督察 screen: the inspections, the chosen one's findings, and the forms to record an inspection,
 * add a finding, and turn a finding into a task (of the current assignment meeting) or link it to one.
 */
public final class InspectionsViewModel {
    private final InspectionService service;
    private final MeetingService meetings;
    private final TaskRunner runner;
    private final DialogService dialogs;

    private final ObservableList<Inspection> inspections = FXCollections.observableArrayList();
    private final ObjectProperty<Inspection> selected = new SimpleObjectProperty<>();
    private final ObservableList<InspectionFinding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<InspectionFinding> selectedFinding = new SimpleObjectProperty<>();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final Map<Long, Integer> taskSeqs = new HashMap<>();

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty inspectors = new SimpleStringProperty("");
    private final StringProperty unitsText = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty recordError = new SimpleStringProperty("");

    private final ObjectProperty<Unit> findingUnit = new SimpleObjectProperty<>();
    private final StringProperty findingText = new SimpleStringProperty("");
    private final StringProperty deadline = new SimpleStringProperty("");
    private final StringProperty linkSeq = new SimpleStringProperty("");
    private final StringProperty findingError = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    public InspectionsViewModel(InspectionService service, MeetingService meetings, TaskRunner runner,
                                DialogService dialogs) {
        this.service = service;
        this.meetings = meetings;
        this.runner = runner;
        this.dialogs = dialogs;
        selected.addListener((obs, o, n) -> findings.setAll(n == null ? java.util.List.of() : n.findings()));
        date.set(service.today());
    }

    /** Reads the inspections (keeping the one chosen). */
    public void load() {
        runner.run(service::overview, o -> {
            Long keep = selected.get() == null ? null : selected.get().id();
            units.setAll(o.roster());
            taskSeqs.clear();
            taskSeqs.putAll(o.taskSeqs());
            inspections.setAll(o.inspections());
            selected.set(o.inspections().stream().filter(i -> keep != null && i.id() == keep).findFirst()
                    .orElse(o.inspections().isEmpty() ? null : o.inspections().get(0)));
            findings.setAll(selected.get() == null ? java.util.List.of() : selected.get().findings());
        }, this::failed);
    }

    /** Records the inspection typed in the form. */
    public void record() {
        LocalDate d = date.get();
        String who = inspectors.get();
        String where = unitsText.get();
        String n = notes.get();
        change(() -> service.record(d, who, where, n), recordError, r -> {
            inspectors.set("");
            unitsText.set("");
            notes.set("");
            selected.set(null);
        });
    }

    /** Adds a finding to the chosen inspection. */
    public void addFinding() {
        Inspection in = selected.get();
        if (in == null) {
            return;
        }
        Unit u = findingUnit.get();
        String text = findingText.get();
        change(() -> service.addFinding(in.id(), u == null ? null : u.id(), text), findingError,
                r -> findingText.set(""));
    }

    /** Makes the chosen finding a task of the current assignment meeting, with the deadline typed. */
    public void toTask() {
        InspectionFinding f = selectedFinding.get();
        if (f == null) {
            return;
        }
        String due = deadline.get();
        change(() -> {
            Meeting m = meetings.current().orElseThrow(() -> new LocalizedException("inspection.error.noMeeting"));
            TaskInput draft = service.draftTask(f.id(), m.id());
            TaskInput input = new TaskInput(draft.seq(), draft.source(), draft.category(), draft.problem(),
                    draft.target(), draft.measures(), draft.units(), draft.supportingUnits(), draft.leader(), due,
                    Messages.tr("inspection.toTask.remarks"));
            return service.toTask(f.id(), m.id(), input);
        }, findingError, t -> {
            deadline.set("");
            dialogs.showInfo(Messages.tr("inspection.toTask.title"), Messages.tr("inspection.toTask.done", t.seq()));
        });
    }

    /** Links the chosen finding to the task with the 序号 typed. */
    public void link() {
        InspectionFinding f = selectedFinding.get();
        if (f == null) {
            return;
        }
        String seqText = linkSeq.get() == null ? "" : linkSeq.get().strip();
        change(() -> {
            int seq;
            try {
                seq = Integer.parseInt(seqText);
            } catch (NumberFormatException e) {
                throw new LocalizedException("inspection.error.noSuchSeq", seqText);
            }
            Meeting m = meetings.current().orElseThrow(() -> new LocalizedException("inspection.error.noMeeting"));
            service.linkToTaskBySeq(f.id(), m.id(), seq);
            return seq;
        }, findingError, r -> linkSeq.set(""));
    }

    private <T> void change(Callable<T> work, StringProperty error, java.util.function.Consumer<T> then) {
        FormWork.run(runner, dialogs, work, error, saving, r -> {
            then.accept(r);
            load();
        });
    }

    private void failed(Throwable e) {
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    /** A unit's name, or empty. */
    public String unitName(Long id) {
        return id == null ? "" : units.stream().filter(u -> u.id() == id).map(Unit::name).findFirst().orElse("");
    }

    /** 序号 N of the task a finding became or concerns, or "未处理". */
    public String taskText(InspectionFinding f) {
        Integer seq = f.taskId() == null ? null : taskSeqs.get(f.taskId());
        return seq == null ? Messages.tr("inspection.finding.open") : Messages.tr("inspection.finding.task", seq);
    }

    public ObservableList<Inspection> inspections() {
        return inspections;
    }

    public ObjectProperty<Inspection> selectedProperty() {
        return selected;
    }

    public ObservableList<InspectionFinding> findings() {
        return findings;
    }

    public ObjectProperty<InspectionFinding> selectedFindingProperty() {
        return selectedFinding;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty inspectorsProperty() {
        return inspectors;
    }

    public StringProperty unitsTextProperty() {
        return unitsText;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty recordErrorProperty() {
        return recordError;
    }

    public ObjectProperty<Unit> findingUnitProperty() {
        return findingUnit;
    }

    public StringProperty findingTextProperty() {
        return findingText;
    }

    public StringProperty deadlineProperty() {
        return deadline;
    }

    public StringProperty linkSeqProperty() {
        return linkSeq;
    }

    public StringProperty findingErrorProperty() {
        return findingError;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
