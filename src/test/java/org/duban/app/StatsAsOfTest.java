package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.app.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stats --json --as-of DATE} on the sample database against the default rule applied by hand to rows read
 * with plain SQL: a second, independent computation that shares no code with the program's.
 */
class StatsAsOfTest {
    @TempDir
    static Path dir;
    static Path db;

    record Counts(int red, int yellow, int green, int overdue) {
    }

    @BeforeAll
    static void sample() {
        db = dir.resolve("sample.db");
        assertEquals(0, run("--db", db.toString(), "sample").code());
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(f -> {
            throw new AssertionError("no window from a test");
        }, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29", "2026-06-30", "2026-09-15"})
    void perUnitLightsMatchTheRuleAppliedByHand(String day) throws SQLException {
        Run r = run("--db", db.toString(), "stats", "--json", "--as-of", day);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"asOf\": \"" + day + "\""), r.out());
        Map<String, Counts> expected = byHand(LocalDate.parse(day));
        int red = 0;
        for (Map.Entry<String, Counts> e : expected.entrySet()) {
            assertEquals(e.getValue(), fromJson(r.out(), e.getKey()), e.getKey() + " on " + day);
            red += e.getValue().red();
        }
        assertTrue(r.out().contains("\"RED\": " + red + ","), "the totals add up");
    }

    @Test
    void theSampleShowsEveryLightOnItsToday() throws SQLException {
        Map<String, Counts> today = byHand(LocalDate.of(2026, 11, 29));
        assertTrue(today.values().stream().mapToInt(Counts::red).sum() > 0);
        assertTrue(today.values().stream().mapToInt(Counts::yellow).sum() > 0);
        assertTrue(today.values().stream().mapToInt(Counts::green).sum() > 0);
        assertNotEquals(today, byHand(LocalDate.of(2026, 6, 30)), "--as-of looks back");
    }

    @Test
    void aDateThatIsNotADateIsAUsageError() {
        Run r = run("--db", db.toString(), "stats", "--as-of", "2026-13-01");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("2026-13-01"), r.err());
    }

    private static Counts fromJson(String json, String unit) {
        Matcher m = Pattern.compile("\"unit\": \"" + Pattern.quote(unit) + "\",[^}]*?\"byStatus\": \\{[^}]*\\},\\s*"
                + "\"byLight\": \\{\\s*\"RED\": (\\d+),\\s*\"YELLOW\": (\\d+),\\s*\"GREEN\": (\\d+)\\s*\\},\\s*"
                + "\"overdue\": (\\d+)", Pattern.DOTALL).matcher(json);
        assertTrue(m.find(), unit);
        return new Counts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    /**
     * The default rule, by hand: red = overdue or more than 30 points behind 序时进度; yellow = deadline within 15
     * days, 10–30 points behind, a milestone past due and not done, or no report for 30 days; green otherwise and
     * for completed work. Only rows dated on or before the day count.
     */
    private static Map<String, Counts> byHand(LocalDate day) throws SQLException {
        String d = day.toString();
        Map<String, int[]> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT u.name FROM unit u ORDER BY u.sort_order");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new int[4]);
                }
            }
            String sql = "SELECT a.id, u.name, a.status, t.due_date, t.ongoing, coalesce(t.issued_on, m.held_on), "
                    + "(SELECT percent FROM progress_report r WHERE r.assignment_id = a.id AND r.reported_on <= ?1 "
                    + "   ORDER BY r.reported_on DESC, r.id DESC LIMIT 1), "
                    + "(SELECT reported_on FROM progress_report r WHERE r.assignment_id = a.id AND r.reported_on <= ?1 "
                    + "   ORDER BY r.reported_on DESC, r.id DESC LIMIT 1), "
                    + "(SELECT count(*) FROM milestone ms WHERE ms.assignment_id = a.id AND ms.due_on < ?1 "
                    + "   AND (ms.done_on IS NULL OR ms.done_on > ?1)), "
                    + "(SELECT count(*) FROM progress_report r WHERE r.assignment_id = a.id) "
                    + " + (SELECT count(*) FROM close_out co WHERE co.assignment_id = a.id) "
                    + "FROM assignment a JOIN task t ON t.id = a.task_id JOIN meeting m ON m.id = t.meeting_id "
                    + "JOIN unit u ON u.id = a.unit_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, d);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
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

                        String[] co = latestCloseOut(c, id, d);
                        LocalDate reset = null;
                        boolean completed = false;
                        if (co != null) {
                            if (co[4] != null && co[4].compareTo(d) <= 0) {
                                reset = LocalDate.parse(co[4]);                 // reopened
                            } else if (co[3] != null && co[3].compareTo(d) <= 0) {
                                completed = true;                               // closed
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
                        if (!anyFacts && (stored.equals("COMPLETED") || stored.equals("ACCEPTED")
                                || stored.equals("CLOSED"))) {
                            completed = true;
                        }
                        int[] n = counts.get(unit);
                        if (completed) {
                            n[2]++;
                            continue;
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
                        if (overdue) {
                            n[3]++;
                        }
                        if (overdue || lag > 30) {
                            n[0]++;
                        } else if (dueSoon || lag >= 10 || lateMilestones > 0 || stale) {
                            n[1]++;
                        } else {
                            n[2]++;
                        }
                    }
                }
            }
        }
        Map<String, Counts> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(k, new Counts(v[0], v[1], v[2], v[3])));
        return result;
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
