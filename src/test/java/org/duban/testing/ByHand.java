package org.duban.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every share (assignment) stood on a day, worked out from rows read with plain SQL and the default light
 * rule applied by hand: a second, independent computation that shares no code with the program's. Tests of
 * {@code stats}, the charts and the ranking compare against it.
 *
 * <p>The default rule: red = overdue or more than 30 points behind 序时进度; yellow = deadline within 15 days, 10–30
 * points behind, a milestone past due and not done, or no report for 30 days; green otherwise and for completed
 * work. Only rows dated on or before the day count, and only tasks issued by the day: a task made from a later
 * 下沉督察 finding ({@code task.issued_on}) or issued at a later meeting does not exist yet.
 */
public final class ByHand {
    private ByHand() {
    }

    /**
     * One share on the day.
     *
     * @param light RED, YELLOW or GREEN
     */
    public record Share(long assignmentId, long taskId, int seq, String unit, int unitOrder, String source,
                        boolean completed, boolean closed, String light, boolean overdue) {
    }

    /** The roster's names in document order. */
    public static List<String> units(Path db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("SELECT u.name FROM unit u ORDER BY u.sort_order");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    public static List<Share> shares(Path db, LocalDate day) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return shares(c, day);
        }
    }

    /** Like {@link #shares(Path, LocalDate)} on a connection of its own to {@code db}'s file or server database. */
    public static List<Share> shares(org.duban.persistence.Database db, LocalDate day) throws SQLException {
        try (Connection c = TestDb.connection(db)) {
            return shares(c, day);
        }
    }

    private static List<Share> shares(Connection c, LocalDate day) throws SQLException {
        String d = day.toString();
        List<Share> shares = new ArrayList<>();
        {
            String sql = "SELECT a.id, u.name, a.status, t.due_date, t.ongoing, coalesce(t.issued_on, m.held_on), "
                    + "(SELECT percent FROM progress_report r WHERE r.assignment_id = a.id AND r.reported_on <= ? "
                    + "   ORDER BY r.reported_on DESC, r.id DESC LIMIT 1), "
                    + "(SELECT reported_on FROM progress_report r WHERE r.assignment_id = a.id AND r.reported_on <= ? "
                    + "   ORDER BY r.reported_on DESC, r.id DESC LIMIT 1), "
                    + "(SELECT count(*) FROM milestone ms WHERE ms.assignment_id = a.id AND ms.due_on < ? "
                    + "   AND (ms.done_on IS NULL OR ms.done_on > ?)), "
                    + "(SELECT count(*) FROM progress_report r WHERE r.assignment_id = a.id) "
                    + " + (SELECT count(*) FROM close_out co WHERE co.assignment_id = a.id), "
                    + "t.id, t.seq, u.sort_order, t.source "
                    + "FROM assignment a JOIN task t ON t.id = a.task_id JOIN meeting m ON m.id = t.meeting_id "
                    + "JOIN unit u ON u.id = a.unit_id WHERE coalesce(t.issued_on, m.held_on) <= ? AND a.withdrawn_on IS NULL "
                    + "ORDER BY m.held_on, m.id, t.seq, a.id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int k = 1; k <= 5; k++) {
                    ps.setString(k, d);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        shares.add(share(c, rs, day));
                    }
                }
            }
        }
        return shares;
    }

    private static Share share(Connection c, ResultSet rs, LocalDate day) throws SQLException {
        String d = day.toString();
        long id = rs.getLong(1);
        String unit = rs.getString(2);
        String stored = rs.getString(3);
        String dueDate = rs.getString(4);
        boolean ongoing = rs.getInt(5) == 1;
        LocalDate issued = LocalDate.parse(rs.getString(6));
        Integer percent = (Integer) rs.getObject(7);
        String reportedOn = rs.getString(8);
        int lateMilestones = rs.getInt(9);
        boolean anyFacts = rs.getInt(10) > 0;
        long taskId = rs.getLong(11);
        int seq = rs.getInt(12);
        int order = rs.getInt(13);
        String source = rs.getString(14);

        String[] co = latestCloseOut(c, id, d);
        LocalDate reset = null;
        boolean completed = false;
        boolean closed = false;
        if (co != null) {
            if (co[4] != null && co[4].compareTo(d) <= 0) {
                reset = LocalDate.parse(co[4]);                 // reopened
            } else if (co[3] != null && co[3].compareTo(d) <= 0) {
                completed = true;                               // closed
                closed = true;
            } else if (co[1] != null && co[1].compareTo(d) <= 0) {
                if ("1".equals(co[2])) {
                    completed = true;                           // accepted
                } else {
                    reset = LocalDate.parse(co[1]);             // failed verification
                }
            } else {
                completed = true;                               // applied
            }
        }
        if (!completed && percent != null && percent == 100
                && (reset == null || LocalDate.parse(reportedOn).isAfter(reset))) {
            completed = true;
        }
        if (!anyFacts && (stored.equals("COMPLETED") || stored.equals("ACCEPTED") || stored.equals("CLOSED"))) {
            completed = true;
            closed = stored.equals("CLOSED");
        }
        if (completed) {
            return new Share(id, taskId, seq, unit, order, source, true, closed, "GREEN", false);
        }
        int p = percent == null ? 0 : Math.min(99, percent);
        LocalDate due = ongoing ? null : dueDate != null ? LocalDate.parse(dueDate) : issued;
        double lag = 0;
        boolean overdue = false;
        boolean dueSoon = false;
        if (due != null) {
            long total = ChronoUnit.DAYS.between(issued, due);
            long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(issued, day)));
            double expected = total <= 0 ? 100 : 100.0 * elapsed / total;
            lag = expected - p;
            overdue = day.isAfter(due);
            long left = ChronoUnit.DAYS.between(day, due);
            dueSoon = left >= 0 && left <= 15;
        }
        LocalDate lastHeard = reportedOn == null ? issued : LocalDate.parse(reportedOn);
        boolean stale = ChronoUnit.DAYS.between(lastHeard, day) >= 30;
        String light = overdue || lag > 30 ? "RED"
                : dueSoon || lag >= 10 || lateMilestones > 0 || stale ? "YELLOW" : "GREEN";
        return new Share(id, taskId, seq, unit, order, source, false, false, light, overdue);
    }

    /** {applied_on, verified_on, verification_passed, closed_on, reopened_on} of the latest application by then. */
    private static String[] latestCloseOut(Connection c, long assignmentId, String d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT applied_on, verified_on, verification_passed, closed_on, "
                + "reopened_on FROM close_out WHERE assignment_id = ? AND applied_on <= ? "
                + "ORDER BY applied_on DESC, id DESC LIMIT 1")) {
            ps.setLong(1, assignmentId);
            ps.setString(2, d);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5)} : null;
            }
        }
    }
}
