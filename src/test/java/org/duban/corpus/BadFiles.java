package org.duban.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.duban.persistence.Database;
import org.duban.testing.TestDb;

/** Makes the malformed files of the corpus, each from a real good one where that is the point. */
final class BadFiles {
    private BadFiles() {
    }

    /** A good ledger with the sample meeting, closed (its WAL folded in). */
    static Path goodLedger(Path folder) throws IOException {
        Files.createDirectories(folder);
        TestDb.withSample(folder).close();
        return folder.resolve("test.db");
    }

    static Path text(Path file) throws IOException {
        return Files.writeString(file, "这是一份会议纪要，不是数据库。\n".repeat(100), StandardCharsets.UTF_8);
    }

    static Path png(Path file) throws IOException {
        byte[] b = new byte[2048];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        Arrays.fill(b, sig.length, b.length, (byte) 0x5a);
        return Files.write(file, b);
    }

    /** A zip (what an .xlsx is) renamed to .db. */
    static Path zip(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return Files.write(file, bytes.toByteArray());
    }

    static Path empty(Path file) throws IOException {
        return Files.write(file, new byte[0]);
    }

    /** The first {@code bytes} of a good ledger, as a broken download or a full USB stick leaves it. */
    static Path truncated(Path file, long bytes) throws IOException {
        return cut(goodLedger(file.resolveSibling(file.getFileName() + ".src")), file, bytes);
    }

    static Path halfLedger(Path file) throws IOException {
        Path good = goodLedger(file.resolveSibling(file.getFileName() + ".src"));
        return cut(good, file, Files.size(good) / 2);
    }

    private static Path cut(Path good, Path file, long bytes) throws IOException {
        byte[] all = Files.readAllBytes(good);
        return Files.write(file, Arrays.copyOf(all, (int) Math.min(bytes, all.length)));
    }

    /** A good ledger with bytes overwritten in every page but the first (header and schema stay readable). */
    static Path damaged(Path file) throws IOException {
        Path good = goodLedger(file.resolveSibling(file.getFileName() + ".src"));
        Files.copy(good, file);
        long pageSize = TestDb.sqlLong(file, "PRAGMA page_size");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long offset = pageSize + 8; offset < raf.length(); offset += pageSize) {
                raf.seek(offset);
                raf.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 9, 9, 9, 9});
            }
        }
        return file;
    }

    static Path newerVersion(Path file) throws IOException, SQLException {
        Database.open(file).close();
        sql(file, "PRAGMA user_version = " + (Database.latestSchemaVersion() + 7));
        return file;
    }

    static Path otherProgram(Path file) throws SQLException {
        sql(file, "CREATE TABLE contacts (name TEXT, phone TEXT)");
        sql(file, "INSERT INTO contacts VALUES ('张三', '0593-1234567')");
        return file;
    }

    /**
     * Another program's SQLite file in WAL mode, with saved rows still only in its log (that program was closed
     * without a checkpoint): the database file and its {@code -wal} beside it.
     */
    static Path otherProgramWithLog(Path file) throws Exception {
        Path elsewhere = Files.createTempDirectory(file.getParent(), "app").resolve(file.getFileName());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + elsewhere);
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA wal_autocheckpoint = 0");
            st.execute("CREATE TABLE contacts (name TEXT, phone TEXT)");
            st.execute("INSERT INTO contacts VALUES ('张三', '0593-1234567')");
            Files.copy(elsewhere, file); // while it is open: what a crash of that program leaves
            Files.copy(elsewhere.resolveSibling(elsewhere.getFileName() + "-wal"),
                    file.resolveSibling(file.getFileName() + "-wal"));
        }
        return file;
    }

    /** A Duban ledger's write-ahead log, picked by mistake (it has its own header). */
    static Path walFile(Path file) throws IOException {
        Path good = goodLedger(file.resolveSibling(file.getFileName() + ".src"));
        try (Database db = Database.open(good)) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO setting VALUES ('k', 'v')"));
            Files.copy(good.resolveSibling("test.db-wal"), file);
        }
        return file;
    }

    private static void sql(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
