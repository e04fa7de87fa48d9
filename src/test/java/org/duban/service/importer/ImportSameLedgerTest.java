package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duban.model.Meeting;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.audit.AuditLog;
import org.duban.service.generate.LedgerGenerator;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import writes the same ledger as before its writing was made faster (issue 24, helper imp3): a generated list of
 * 1,500 tasks (shares, lead units, 挂牌督办 rows, long texts) exported and imported into an empty ledger as a new
 * meeting, on a fixed clock and operator. Every table's rows, every column but the times the database stamps itself,
 * are compared table by table with digests taken with the code of main at 72507a0, before the change: the tasks,
 * shares, supervisions, the import's record and the audit trail with its states and hashes. Runs on SQLite, and on
 * PostgreSQL in the pom's service-on-postgresql execution, each with its own digests (the engines spell some
 * columns differently as text).
 */
class ImportSameLedgerTest {
    /**
     * Columns filled from the computer's clock, not the program's: the times the database stamps itself, and the
     * name of the backup taken before the import (its time to the millisecond). Left out of the comparison.
     */
    private static final Set<String> DATABASE_TIMES = Set.of("task.created_at", "task.updated_at",
            "import_run.backup_file");

    @TempDir
    Path dir;

    @Test
    void importedLedgerIsTheOneTheEarlierCodeWrote() throws Exception {
        Path list = dir.resolve("清单.xlsx");
        LocalDate asOf = LocalDate.of(2026, 12, 6);
        Path source = dir.resolve("source");
        java.nio.file.Files.createDirectories(source);
        try (Database gen = Database.open(source.resolve("generated.db"))) {
            Services s = Services.over(gen);
            Meeting m = new LedgerGenerator(s).generate(new LedgerGenerator.Options(1_500, 1_500, 7, asOf),
                    LedgerGenerator.Progress.NONE).meeting();
            s.ledgerExporter().export(m, list);
        }
        Path target = dir.resolve("target");
        java.nio.file.Files.createDirectories(target);
        try (Database db = TestDb.withRoster(target)) {
            Services s = Wired.over(db, new TestClock(asOf));
            s.repositories().settings().put(AuditLog.OPERATOR_KEY, "秘书处");
            s = Wired.over(db, new TestClock(asOf));
            TaskImporter importer = s.importer();
            ImportResult result = importer.apply(importer.read(list), new ImportTarget.NewMeeting("", asOf),
                    ImportOptions.DEFAULT, (d, t) -> { });
            assertEquals(1_500, result.plan().count(PlannedRow.Change.ADDED));
            AuditChain.Verification v = AuditChain.verify(db);
            assertEquals(List.of(), v.broken(), "the trail's hashes");
            assertEquals(List.of(), v.mismatches(), "the rows are as their last audit rows say");
            Map<String, String> dump = dump(db);
            Map<String, String> expected = TestDb.onServer() ? POSTGRESQL : SQLITE;
            assertEquals(expected, dump);
        }
    }

    /** Each table with rows → its row count and the SHA-256 of its rows in key order, as text. */
    static Map<String, String> dump(Database db) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = TestDb.connection(db)) {
            for (String table : tables(c, db.isShared())) {
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        if (table.equals("setting") && "ledger.id".equals(rs.getString(1))) {
                            continue; // each ledger's own random name
                        }
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String column = md.getColumnName(i).toLowerCase(Locale.ROOT);
                            if (!DATABASE_TIMES.contains(table + "." + column)) {
                                String v = rs.getString(i);
                                row.append(column).append('=').append(v == null ? "∅" : v).append('\u001f');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                if (!rows.isEmpty()) {
                    out.put(table, rows.size() + " " + sha256(String.join("\u001e", rows)));
                }
            }
        }
        return out;
    }

    private static List<String> tables(Connection c, boolean server) throws SQLException {
        String sql = server ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' ORDER BY 1"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1";
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (!rs.getString(1).equalsIgnoreCase("flyway_schema_history")) { // the schema's, not the import's
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, String> SQLITE = Map.of(
            "assignment", "4057 f292547be5d02817b9f003b81baf0654ea1892b119086102d1f014fba895c7ac",
            "audit_log", "5625 132ab8cc5d6eb7c1600c5b2d70b5e9fee40a2c49c94c38ee505a594ecb0ee747",
            "import_run", "1 3277a74a1907bd6de19401433d4d0968c8fdf0c5f2750b9ac41353829240daa2",
            "meeting", "1 05e17e316f48bdceb741d5dc6f985ec26121160df914b675d0bfaf5c9f5f1327",
            "setting", "1 bd8027f90cd0bd70b83a6a4749969e7774475999398a450a2a67a706eace441e",
            "supervision", "57 c21f4157585aecd558629f779a7d96915cdd5d67ed9a2326b54aba665a0a90a4",
            "task", "1500 9062f81a335960a4e3e117665ef8751b3a288c7d3eee1496603b5781661df632",
            "unit", "23 269bafa637f462d3d9505d40b509de635472003dc3e6a14753f8db202c753dc9",
            "unit_alias", "52 bc1d32eb0d5da912f21b22bc0b9cb056ee2e3ab8dca7790f274c3404afcb9a6f",
            "vocabulary", "10 cf8be51ae33ff674b68e045b7515160b2d054f1c786b3678fc2501d54a727b10");
    private static final Map<String, String> POSTGRESQL = SQLITE;
}
