package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void initSampleStatsJsonMatchesSqlCounts() {
        String db = dir.resolve("d.db").toString();
        assertEquals(0, run("--db", db, "init").code());
        assertEquals(23, TestDb.sqlLong(Path.of(db), "SELECT count(*) FROM unit"));
        assertEquals(0, run("--db", db, "sample").code());
        CliRunner.Result stats = run("--db", db, "stats", "--json");
        assertEquals(0, stats.code(), stats.err());

        long tasks = TestDb.sqlLong(Path.of(db), "SELECT count(*) FROM task");
        assertTrue(stats.out().contains("\"tasks\": " + tasks + ","), stats.out());
        long assignments = TestDb.sqlLong(Path.of(db), "SELECT count(*) FROM assignment");
        assertTrue(stats.out().contains("\"assignments\": " + assignments + ","));
        for (String unit : new String[] {"蕉城区", "古田县", "东侨经济技术开发区", "市生态环境局"}) {
            long n = TestDb.sqlLong(Path.of(db),
                    "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = '" + unit + "'");
            Matcher m = Pattern.compile("\"unit\": \"" + unit + "\",[^}]*?\"assignments\": (\\d+)", Pattern.DOTALL)
                    .matcher(stats.out());
            assertTrue(m.find(), unit);
            assertEquals(n, Long.parseLong(m.group(1)), unit);
        }
    }

    @Test
    void initOnAnExistingRosterFailsWithOneLine() {
        String db = dir.resolve("d.db").toString();
        run("--db", db, "init");
        CliRunner.Result again = run("--db", db, "init");
        assertEquals(1, again.code());
        assertEquals(1, again.err().strip().lines().count(), again.err());
        assertTrue(again.err().startsWith("错误："), again.err());
    }

    @Test
    void foreignFileIsRefusedWithOneLineAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("x.db");
        Files.writeString(file, "not a database");
        CliRunner.Result r = run("--db", file.toString(), "stats");
        assertNotEquals(0, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("不是督办台数据库"), r.err());
        assertEquals("not a database", Files.readString(file));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result r = run("stats", "--frobnicate");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--help"), r.err());
    }

    @Test
    void helpListsTheSubcommands() {
        CliRunner.Result r = run("--help");
        assertEquals(0, r.code());
        for (String sub : new String[] {"init", "sample", "stats", "--db"}) {
            assertTrue(r.out().contains(sub), sub);
        }
    }

    @Test
    void versionNamesTheProgram() {
        CliRunner.Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Duban Desk"), r.out());
    }

    @Test
    void statsTableNamesEveryUnit() {
        String db = dir.resolve("d.db").toString();
        run("--db", db, "sample");
        CliRunner.Result r = run("--db", db, "stats");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("柘荣县") && r.out().contains("市城市管理局"), r.out());
    }

    @Test
    void optionAfterTheSubcommandWorksToo() {
        String db = dir.resolve("d.db").toString();
        assertEquals(0, run("init", "--db", db).code());
        assertEquals(23, TestDb.sqlLong(Path.of(db), "SELECT count(*) FROM unit"));
    }
}
