package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.app.cli.Cli;
import org.duban.persistence.Database;
import org.duban.testing.ByHand;
import org.duban.testing.LaterTasks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stats --json --as-of DATE} on the sample database against the default rule applied by hand to rows read
 * with plain SQL ({@link ByHand}): a second, independent computation that shares no code with the program's. The
 * sample gets two tasks issued after its assignment meeting: one made from a 下沉督察 finding on 2026-10-20 and one
 * of a 交办会 still to come (2026-12-10).
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
        try (Database d = Database.open(db)) {
            LaterTasks.fromFinding(d, FINDING_TASK_DAY);
            LaterTasks.atLaterMeeting(d, LATER_MEETING_DAY);
        }
    }

    static final LocalDate FINDING_TASK_DAY = LocalDate.of(2026, 10, 20);
    static final LocalDate LATER_MEETING_DAY = LocalDate.of(2026, 12, 10);

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
    @ValueSource(strings = {"2026-11-29", "2026-06-30", "2026-09-15", "2026-10-19", "2026-10-20", "2026-12-10"})
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
    void aTaskCountsOnlyFromTheDayItWasIssued() {
        assertEquals(45, tasksOn("2026-10-19"), "the finding becomes a task on 2026-10-20");
        assertEquals(46, tasksOn("2026-10-20"));
        assertEquals(46, tasksOn("2026-12-09"), "the winter meeting issues its task on 2026-12-10");
        assertEquals(47, tasksOn("2026-12-10"));
        String before = run("--db", db.toString(), "stats", "--json", "--as-of", "2026-10-19").out();
        String after = run("--db", db.toString(), "stats", "--json", "--as-of", "2026-10-20").out();
        assertEquals(assignments(before, "东侨经济技术开发区") + 1, assignments(after, "东侨经济技术开发区"),
                "东侨's share of the finding's task exists from its issue day");
    }

    private static int tasksOn(String day) {
        Run r = run("--db", db.toString(), "stats", "--json", "--as-of", day);
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("\"tasks\": (\\d+),").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1));
    }

    private static int assignments(String json, String unit) {
        Matcher m = Pattern.compile("\"unit\": \"" + Pattern.quote(unit) + "\",[^}]*?\"assignments\": (\\d+)",
                Pattern.DOTALL).matcher(json);
        assertTrue(m.find(), unit);
        return Integer.parseInt(m.group(1));
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

    /** Each unit's lights and overdue shares by the rule applied by hand ({@link ByHand}). */
    private static Map<String, Counts> byHand(LocalDate day) throws SQLException {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String unit : ByHand.units(db)) {
            counts.put(unit, new int[4]);
        }
        for (ByHand.Share s : ByHand.shares(db, day)) {
            int[] n = counts.get(s.unit());
            n[s.light().equals("RED") ? 0 : s.light().equals("YELLOW") ? 1 : 2]++;
            n[3] += s.overdue() ? 1 : 0;
        }
        Map<String, Counts> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(k, new Counts(v[0], v[1], v[2], v[3])));
        return result;
    }
}
