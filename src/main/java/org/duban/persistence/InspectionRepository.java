package org.duban.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;
import org.jdbi.v3.core.statement.PreparedBatch;

/** 下沉督察 records: the visit, the units visited and the findings. */
public final class InspectionRepository {
    private static final String FINDING = "SELECT id, inspection_id, unit_id, text, task_id FROM inspection_finding";
    private final Database db;

    public InspectionRepository(Database db) {
        this.db = db;
    }

    /** Every inspection, newest first, with its units (in roster order) and findings (in the order found). */
    public List<Inspection> findAll() {
        return db.query(h -> {
            Map<Long, List<Long>> units = new HashMap<>();
            for (Visited v : h.createQuery("SELECT iu.inspection_id, iu.unit_id FROM inspection_unit iu "
                            + "JOIN unit u ON u.id = iu.unit_id ORDER BY u.sort_order, u.id")
                    .map((rs, ctx) -> new Visited(rs.getLong(1), rs.getLong(2)))
                    .list()) {
                units.computeIfAbsent(v.inspectionId(), k -> new ArrayList<>()).add(v.unitId());
            }
            Map<Long, List<InspectionFinding>> findings = new HashMap<>();
            for (InspectionFinding f : h.createQuery(FINDING + " ORDER BY id")
                    .map(JdbiSupport.record(InspectionFinding.class))
                    .list()) {
                findings.computeIfAbsent(f.inspectionId(), k -> new ArrayList<>()).add(f);
            }
            return h.createQuery("SELECT id, held_on, inspectors, notes FROM inspection ORDER BY held_on DESC, id DESC")
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        return new Inspection(id, Rows.date(rs, 2), rs.getString(3), units.getOrDefault(id, List.of()),
                                rs.getString(4), findings.getOrDefault(id, List.of()));
                    })
                    .list();
        });
    }

    public Optional<Inspection> findById(long id) {
        return findAll().stream().filter(i -> i.id() == id).findFirst();
    }

    /** Stores the visit and the units visited (findings are added one by one). */
    public Inspection insert(Inspection in) {
        return db.update(h -> {
            long id = h.createQuery("INSERT INTO inspection (held_on, inspectors, notes) "
                            + "VALUES (:heldOn, :inspectors, :notes) RETURNING id")
                    .bindMethods(in)
                    .mapTo(Long.class)
                    .one();
            PreparedBatch units = h.prepareBatch("INSERT INTO inspection_unit (inspection_id, unit_id) "
                    + "VALUES (:inspectionId, :unitId)");
            for (long unitId : in.unitIds()) {
                units.bind("inspectionId", id).bind("unitId", unitId).add();
            }
            JdbiSupport.runBatch(units);
            return new Inspection(id, in.heldOn(), in.inspectors(), in.unitIds(), in.notes(), List.of());
        });
    }

    public InspectionFinding insertFinding(InspectionFinding f) {
        long id = db.update(h -> h.createQuery("INSERT INTO inspection_finding (inspection_id, unit_id, text, task_id) "
                        + "VALUES (:inspectionId, :unitId, :text, :taskId) RETURNING id")
                .bindMethods(f)
                .mapTo(Long.class)
                .one());
        return new InspectionFinding(id, f.inspectionId(), f.unitId(), f.text(), f.taskId());
    }

    public Optional<InspectionFinding> findFinding(long id) {
        return db.query(h -> h.createQuery(FINDING + " WHERE id = :id")
                .bind("id", id)
                .map(JdbiSupport.record(InspectionFinding.class))
                .findOne());
    }

    /** The findings that became or concern a task. */
    public List<InspectionFinding> findingsOfTask(long taskId) {
        TaskScope scope = TaskScope.task(taskId);
        return db.query(h -> JdbiSupport.scoped(h, FINDING, scope.onTask("task_id"), scope, "id",
                InspectionFinding.class));
    }

    public void setFindingTask(long findingId, Long taskId) {
        db.update(h -> h.createUpdate("UPDATE inspection_finding SET task_id = :taskId WHERE id = :id")
                .bindByType("taskId", taskId, Long.class)
                .bind("id", findingId)
                .execute());
    }

    /** A unit visited on an inspection. */
    private record Visited(long inspectionId, long unitId) {
    }
}
