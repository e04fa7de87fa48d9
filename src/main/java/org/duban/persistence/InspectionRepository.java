package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;

/** 下沉督察 records: the visit, the units visited and the findings. */
public final class InspectionRepository {
    private static final String FINDING = "SELECT id, inspection_id, unit_id, text, task_id FROM inspection_finding";
    private final Database db;

    public InspectionRepository(Database db) {
        this.db = db;
    }

    /** Every inspection, newest first, with its units and findings. */
    public List<Inspection> findAll() {
        return db.read(c -> {
            Map<Long, List<Long>> units = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT iu.inspection_id, iu.unit_id FROM inspection_unit iu "
                         + "JOIN unit u ON u.id = iu.unit_id ORDER BY u.sort_order, u.id")) {
                while (rs.next()) {
                    units.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
            Map<Long, List<InspectionFinding>> findings = new HashMap<>();
            for (InspectionFinding f : Rows.scoped(c, FINDING, "1 = 1", TaskScope.all(), "id",
                    InspectionRepository::mapFinding)) {
                findings.computeIfAbsent(f.inspectionId(), k -> new ArrayList<>()).add(f);
            }
            List<Inspection> list = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT id, held_on, inspectors, notes FROM inspection ORDER BY held_on DESC, id DESC")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    list.add(new Inspection(id, Rows.date(rs, 2), rs.getString(3), units.getOrDefault(id, List.of()),
                            rs.getString(4), findings.getOrDefault(id, List.of())));
                }
            }
            return list;
        });
    }

    public Optional<Inspection> findById(long id) {
        return findAll().stream().filter(i -> i.id() == id).findFirst();
    }

    /** Stores the visit and the units visited (findings are added one by one). */
    public Inspection insert(Inspection in) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = Rows.prepareInsert(c,
                    "INSERT INTO inspection (held_on, inspectors, notes) VALUES (?, ?, ?)")) {
                Rows.setDate(ps, 1, in.heldOn());
                ps.setString(2, in.inspectors());
                ps.setString(3, in.notes());
                id = Rows.insert(ps);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO inspection_unit (inspection_id, unit_id) VALUES (?, ?)")) {
                for (long unitId : in.unitIds()) {
                    ps.setLong(1, id);
                    ps.setLong(2, unitId);
                    ps.executeUpdate();
                }
            }
            return new Inspection(id, in.heldOn(), in.inspectors(), in.unitIds(), in.notes(), List.of());
        });
    }

    public InspectionFinding insertFinding(InspectionFinding f) {
        return db.write(c -> {
            try (PreparedStatement ps = Rows.prepareInsert(c,
                    "INSERT INTO inspection_finding (inspection_id, unit_id, text, task_id) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, f.inspectionId());
                Rows.setLong(ps, 2, f.unitId());
                ps.setString(3, f.text());
                Rows.setLong(ps, 4, f.taskId());
                return new InspectionFinding(Rows.insert(ps), f.inspectionId(), f.unitId(), f.text(), f.taskId());
            }
        });
    }

    public Optional<InspectionFinding> findFinding(long id) {
        return db.read(c -> Rows.byId(c, FINDING, id, InspectionRepository::mapFinding));
    }

    /** The findings that became or concern a task. */
    public List<InspectionFinding> findingsOfTask(long taskId) {
        return db.read(c -> Rows.scoped(c, FINDING, TaskScope.task(taskId).onTask("task_id"), TaskScope.task(taskId),
                "id", InspectionRepository::mapFinding));
    }

    public void setFindingTask(long findingId, Long taskId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inspection_finding SET task_id = ? WHERE id = ?")) {
                Rows.setLong(ps, 1, taskId);
                ps.setLong(2, findingId);
                return ps.executeUpdate();
            }
        });
    }

    private static InspectionFinding mapFinding(ResultSet rs) throws SQLException {
        return new InspectionFinding(rs.getLong(1), rs.getLong(2), Rows.nullableLong(rs, 3), rs.getString(4),
                Rows.nullableLong(rs, 5));
    }
}
