package org.duban.service.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.AuditEntity;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.InspectionRepository;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;

/**
 * 下沉督察: recording on-site inspections and their findings. A finding can become a task of its own (source
 * 下沉督察, issued on the day it is converted) or be linked to the task it concerns; either way the link shows
 * in that task's history.
 */
public final class InspectionService {
    /** The 来源 of tasks made from findings. */
    public static final String SOURCE = "下沉督察";
    private static final int MAX_TEXT = 5000;

    private final AuditLog audit;
    private final InspectionRepository inspections;
    private final TaskRepository tasks;
    private final UnitRepository units;
    private final TaskService taskService;
    private final UnitOfWork uow;

    public InspectionService(Repositories repos, UnitOfWork uow, AuditLog audit, TaskService taskService) {
        this.audit = audit;
        this.uow = uow;
        this.inspections = repos.inspections();
        this.tasks = repos.tasks();
        this.units = repos.units();
        this.taskService = taskService;
    }

    /** Every inspection, newest first. */
    public List<Inspection> all() {
        return inspections.findAll();
    }

    /** What the inspection screen shows: the inspections, the roster, and 序号 of the tasks findings link to. */
    public record Overview(List<Inspection> inspections, List<Unit> roster, java.util.Map<Long, Integer> taskSeqs) {
    }

    public Overview overview() {
        java.util.Map<Long, Integer> seqs = new java.util.HashMap<>();
        tasks.findAll().forEach(t -> seqs.put(t.id(), t.seq()));
        return new Overview(inspections.findAll(), units.findAll(), seqs);
    }

    /** Records an inspection of units given as text (蕉城区、东侨开发区 ...). */
    public Inspection record(LocalDate heldOn, String inspectors, String unitsText, String notes) {
        var r = new org.duban.service.units.UnitResolver(units.findAll()).resolveList(unitsText);
        if (!r.unknown().isEmpty()) {
            throw new LocalizedException("validation.units.unknown", String.join("、", r.unknown()));
        }
        return record(heldOn, inspectors, r.units().stream().map(Unit::id).toList(), notes);
    }

    /** Links a finding to the task with this 序号 in the meeting. */
    public void linkToTaskBySeq(long findingId, long meetingId, int seq) {
        Task t = tasks.findByMeeting(meetingId).stream().filter(x -> x.seq() == seq).findFirst()
                .orElseThrow(() -> new LocalizedException("inspection.error.noSuchSeq", seq));
        linkToTask(findingId, t.id());
    }

    public List<Unit> roster() {
        return units.findAll();
    }

    public LocalDate today() {
        return audit.today();
    }

    /** Records an inspection: date, inspectors and the units visited. */
    public Inspection record(LocalDate heldOn, String inspectors, List<Long> unitIds, String notes) {
        if (heldOn == null) {
            throw new LocalizedException("tracking.error.dateRequired", Messages.tr("inspection.field.date"));
        }
        if (heldOn.isAfter(audit.today())) {
            throw new LocalizedException("tracking.error.future", Messages.tr("inspection.field.date"), heldOn,
                    audit.today());
        }
        String who = required(inspectors, "inspection.field.inspectors");
        if (unitIds.isEmpty()) {
            throw new LocalizedException("inspection.error.noUnits");
        }
        return uow.inTransaction(() -> {
            Inspection in = inspections.insert(new Inspection(0, heldOn, who, unitIds,
                    notes == null ? "" : notes.strip(), List.of()));
            String names = unitIds.stream().map(this::unitName).collect(Collectors.joining("、"));
            audit.created(AuditEntity.INSPECTION, in.id(), null, null, heldOn + " " + who + "：" + names);
            return in;
        });
    }

    /** Adds a finding to an inspection. */
    public InspectionFinding addFinding(long inspectionId, Long unitId, String text) {
        String t = required(text, "inspection.field.finding");
        return uow.inTransaction(() -> {
            inspection(inspectionId);
            InspectionFinding f = inspections.insertFinding(new InspectionFinding(0, inspectionId, unitId, t, null));
            audit.created(AuditEntity.FINDING, f.id(), null, unitId, t);
            return f;
        });
    }

    /** The task a finding would become: source 下沉督察, its text as the problem, its unit as responsible. */
    public TaskInput draftTask(long findingId, long meetingId) {
        InspectionFinding f = finding(findingId);
        String unit = f.unitId() == null ? "" : unitName(f.unitId());
        return new TaskInput(String.valueOf(tasks.nextSeq(meetingId)), SOURCE, "", f.text(), "", "", unit, "", "",
                "", "");
    }

    /**
     * Makes a finding a new task of the meeting, issued today (序时进度 counts from today), and links them.
     *
     * @throws org.duban.service.tasks.TaskValidationException when the input is incomplete; nothing is written
     */
    public Task toTask(long findingId, long meetingId, TaskInput input) {
        return uow.inTransaction(() -> {
            InspectionFinding f = finding(findingId);
            if (f.taskId() != null) {
                throw new LocalizedException("inspection.error.alreadyLinked");
            }
            Task t = taskService.create(meetingId, input);
            tasks.setIssuedOn(t.id(), audit.today());
            link(f, t);
            return t;
        });
    }

    /** Links a finding to an existing task it concerns. */
    public void linkToTask(long findingId, long taskId) {
        uow.inTransaction(() -> {
            InspectionFinding f = finding(findingId);
            Task t = tasks.findById(taskId).orElseThrow(() -> new PersistenceException("tracking.error.taskGone"));
            if (Objects.equals(f.taskId(), taskId)) {
                return null;
            }
            link(f, t);
            return null;
        });
    }

    private void link(InspectionFinding f, Task t) {
        inspections.setFindingTask(f.id(), t.id());
        audit.changed(AuditEntity.FINDING, f.id(), t.id(), f.unitId(), "task", null, t.seq() + "：" + f.text());
    }

    private Inspection inspection(long id) {
        return inspections.findById(id).orElseThrow(() -> new PersistenceException("inspection.error.gone"));
    }

    private InspectionFinding finding(long id) {
        return inspections.findFinding(id).orElseThrow(() -> new PersistenceException("inspection.error.gone"));
    }

    private String unitName(long id) {
        return units.findAll().stream().filter(u -> u.id() == id).map(Unit::name).findFirst()
                .orElse(String.valueOf(id));
    }

    private static String required(String value, String labelKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new LocalizedException("tracking.error.required", Messages.tr(labelKey));
        }
        if (v.length() > MAX_TEXT) {
            throw new LocalizedException("tracking.error.tooLong", Messages.tr(labelKey), v.length(), MAX_TEXT);
        }
        return v;
    }
}
