package org.duban.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.service.tasks.TaskValidationException;
import org.duban.testing.CliRunner;
import org.duban.testing.Mounts;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input of every kind the program takes today, each refused with a message that names what is wrong
 * and leaves the ledger as it was. One parameterized test per way in: a database file ({@code --db}), a backup
 * to restore, a task typed into the form, a place to write a backup. Task lists given to {@code import} are
 * the family of {@link ImportCorpusTest}.
 */
class BadInputCorpusTest {
    @TempDir
    Path dir;
    private final List<Mounts> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Mounts m : mounts) {
            m.close();
        }
    }

    @FunctionalInterface
    interface Maker {
        Path make(Path dir, BadInputCorpusTest test) throws Exception;
    }

    /**
     * One malformed input: how to make it, words the message must contain, and for a database file the command
     * given it ({@code stats}, which only reads, unless the case is about making or writing a ledger).
     */
    record Case(String name, Maker maker, String expected, List<String> command) {
        Case(String name, Maker maker, String expected, String... command) {
            this(name, maker, expected, command.length == 0 ? List.of("stats") : List.of(command));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Room for the sample ledger (a year of reports, evidence files and the audit trail: about 3 MB) and its WAL
     * while it loads in one transaction.
     */
    static final int SAMPLE_ROOM_KIB = 16 * 1024;

    private Mounts mount(int kib) throws Exception {
        Mounts m = Mounts.tmpfs(dir.resolve("mnt" + mounts.size()), kib);
        mounts.add(m);
        return m;
    }

    private static CliRunner.Result cli(String... args) {
        return CliRunner.run(args);
    }

    private static Set<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    // ---- database files given with --db -------------------------------------------------------------------

    static Stream<Case> databaseFiles() {
        return Stream.of(
                new Case("text file", (d, t) -> BadFiles.text(d.resolve("notes.db")), "不是督办台数据库"),
                new Case("PNG picture", (d, t) -> BadFiles.png(d.resolve("photo.db")), "不是督办台数据库"),
                new Case("zip / xlsx renamed", (d, t) -> BadFiles.zip(d.resolve("sheet.db")), "不是督办台数据库"),
                new Case("half of a ledger", (d, t) -> BadFiles.halfLedger(d.resolve("half.db")), "已损坏"),
                new Case("ledger with damaged pages", (d, t) -> BadFiles.damaged(d.resolve("bad.db")), "已损坏"),
                new Case("only the SQLite header", (d, t) -> BadFiles.truncated(d.resolve("head.db"), 100), "已损坏"),
                new Case("ledger from a newer version", (d, t) -> BadFiles.newerVersion(d.resolve("new.db")), "更新版本"),
                new Case("another program's SQLite", (d, t) -> BadFiles.otherProgram(d.resolve("contacts.db")),
                        "不是督办台数据库"),
                new Case("another program's SQLite with its log, given to a command that writes",
                        (d, t) -> BadFiles.otherProgramWithLog(d.resolve("app.db")), "未作任何改动", "init"),
                new Case("a ledger's WAL file", (d, t) -> BadFiles.walFile(d.resolve("test.db-wal.db")),
                        "不是督办台数据库"),
                new Case("a folder", (d, t) -> Files.createDirectories(d.resolve("folder.db")), "是一个文件夹"),
                new Case("a folder path through a file", (d, t) -> BadFiles.text(d.resolve("plain.txt")).resolve("d.db"),
                        "无法创建数据文件夹", "init"),
                new Case("ledger on a read-only disk", (d, t) -> {
                    Mounts m = t.mount(SAMPLE_ROOM_KIB);
                    BadFiles.goodLedger(m.path());
                    m.remountReadOnly();
                    return m.path().resolve("test.db");
                }, "只读", "sample"),
                new Case("new ledger in a read-only folder", (d, t) -> {
                    Mounts m = t.mount(64);
                    m.remountReadOnly();
                    return m.path().resolve("new.db");
                }, "只读", "init"),
                new Case("a missing ledger", (d, t) -> d.resolve("missing.db"), "找不到"),
                new Case("a missing ledger to change", (d, t) -> d.resolve("missing.db"), "init 命令",
                        "export", "returns", "returns-out"),
                new Case("an empty (0-byte) file", (d, t) -> BadFiles.empty(d.resolve("zero.db")), "是空的"),
                new Case("an empty file given to sample", (d, t) -> BadFiles.empty(d.resolve("x.db")), "是空的",
                        "sample"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseFiles")
    void aBadDatabaseFileIsRefusedWithOneLineAndLeftUnchanged(Case c) throws Exception {
        Path file = c.maker().make(dir, this);
        Path folder = file.getParent();
        boolean regular = Files.isRegularFile(file);
        byte[] before = regular ? Files.readAllBytes(file) : null;
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        byte[] walBefore = Files.isRegularFile(wal) ? Files.readAllBytes(wal) : null;
        Set<String> filesBefore = Files.isDirectory(folder) ? namesIn(folder) : Set.of();

        List<String> args = new ArrayList<>(List.of("--db", file.toString()));
        args.addAll(c.command());
        CliRunner.Result r = cli(args.toArray(String[]::new));

        assertNotEquals(0, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(c.expected()), r.err());
        assertTrue(r.err().contains(file.getFileName().toString()) || r.err().contains(folder.toString()),
                "names the file: " + r.err());
        if (regular) {
            assertArrayEquals(before, Files.readAllBytes(file), "the file is unchanged");
        }
        if (walBefore != null) {
            assertArrayEquals(walBefore, Files.readAllBytes(wal), "its log is unchanged");
        }
        if (Files.isDirectory(folder)) {
            assertEquals(filesBefore, namesIn(folder), "no journal, lock or other file left beside it");
        }
    }

    // ---- files given to restore ------------------------------------------------------------------------------

    static Stream<Case> restoreFiles() {
        return Stream.of(
                new Case("text file", (d, t) -> BadFiles.text(d.resolve("x.db")), "不是督办台数据库"),
                new Case("zip / xlsx renamed", (d, t) -> BadFiles.zip(d.resolve("x.db")), "不是督办台数据库"),
                new Case("empty file", (d, t) -> BadFiles.empty(d.resolve("x.db")), "是空的"),
                new Case("half of a backup", (d, t) -> BadFiles.halfLedger(d.resolve("x.db")), "已损坏"),
                new Case("backup with damaged pages", (d, t) -> BadFiles.damaged(d.resolve("x.db")), "已损坏"),
                new Case("backup from a newer version", (d, t) -> BadFiles.newerVersion(d.resolve("x.db")), "更新版本"),
                new Case("another program's SQLite", (d, t) -> BadFiles.otherProgram(d.resolve("x.db")),
                        "不是督办台数据库"),
                new Case("a missing file", (d, t) -> d.resolve("nowhere.db"), "找不到"),
                new Case("a folder", (d, t) -> Files.createDirectories(d.resolve("x.db")), "是一个文件夹"),
                new Case("the ledger itself", (d, t) -> d.resolve("ledger").resolve("test.db"), "恢复它自己"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restoreFiles")
    void aBadBackupIsRefusedBeforeAnythingIsReplaced(Case c) throws Exception {
        Path ledger = BadFiles.goodLedger(dir.resolve("ledger"));
        long tasks = TestDb.sqlLong(ledger, "SELECT count(*) FROM task");
        Path bad = c.maker().make(dir, this);

        CliRunner.Result r = cli("--db", ledger.toString(), "restore", bad.toString());

        assertNotEquals(0, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(c.expected()), r.err());
        assertTrue(r.err().contains(bad.getFileName().toString()), "names the file: " + r.err());
        assertEquals(tasks, TestDb.sqlLong(ledger, "SELECT count(*) FROM task"), "the ledger is unchanged");
        assertEquals("ok", TestDb.sqlString(ledger, "PRAGMA integrity_check"));
        assertTrue(!Files.exists(ledger.resolveSibling("backups")) || namesIn(ledger.resolveSibling("backups")).isEmpty(),
                "nothing was replaced, so nothing needed keeping");
    }

    // ---- text typed into the task form (the path the form's save takes) --------------------------------------

    private static final String EMOJI = "🌊🏭♻️👍🏽";
    private static final String SQL = "'; DROP TABLE task; -- \" OR 1=1 /* %_ \\";
    private static final String HUGE = "污".repeat(100_000);

    private static TaskInput input(String problem, String units, String deadline, String seq) {
        return new TaskInput(seq, "市级排查" + SQL, "水环境", problem, "", "", units, "", "张三" + EMOJI, deadline, "");
    }

    static Stream<Case> taskInputs() {
        return Stream.of(
                new Case("unit name with SQL meta-characters", t(input("某问题", "蕉城区" + SQL, "2026年底前", "900")), "找不到单位"),
                new Case("unit name with emoji", t(input("某问题", "蕉城区" + EMOJI, "2026年底前", "900")), "找不到单位"),
                new Case("100k-character problem", t(input(HUGE, "蕉城区", "2026年底前", "900")), "100,000"),
                new Case("100k-character unit list", t(input("某问题", HUGE, "2026年底前", "900")), "100,000"),
                new Case("100k-character deadline", t(input("某问题", "蕉城区", HUGE, "900")), "100,000"),
                new Case("deadline of emoji", t(input("某问题", "蕉城区", EMOJI, "900")), "无法识别的完成时限"),
                new Case("SQL in the number field", t(input("某问题", "蕉城区", "2026年底前", "1; DROP TABLE task")),
                        "正整数"));
    }

    /** The input travels in the case's name slot; the maker is unused for typed text. */
    private static Maker t(TaskInput in) {
        return new TypedText(in);
    }

    private record TypedText(TaskInput input) implements Maker {
        @Override
        public Path make(Path dir, BadInputCorpusTest test) {
            return null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskInputs")
    void badTaskTextIsRefusedAtTheFieldAndNothingIsSaved(Case c) {
        TaskInput in = ((TypedText) c.maker()).input();
        try (Database db = TestDb.withSample(dir)) {
            long tasks = TestDb.sqlLong(db.file(), "SELECT count(*) FROM task");
            long units = TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit");
            TaskValidationException e = assertThrows(TaskValidationException.class,
                    () -> Wired.of(db).tasks().create(1, in));
            String messages = e.errors().stream().map(err -> err.field() + ": " + err.message())
                    .collect(Collectors.joining("\n"));
            assertTrue(messages.contains(c.expected()), messages.substring(0, Math.min(500, messages.length())));
            assertTrue(messages.length() < 2000, "a message, not the whole paste echoed back");
            assertEquals(tasks, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task"));
            assertEquals(units, TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit"));
        }
    }

    @org.junit.jupiter.api.Test
    void emojiAndSqlMetaCharactersInTextAreStoredExactlyAsTyped() {
        try (Database db = TestDb.withSample(dir)) {
            String problem = "入河排污口" + EMOJI + SQL + "\t第二行\n第三行";
            Task saved = Wired.of(db).tasks().create(1, input(problem, "蕉城区、福安市", "2026年底前", "900"));
            Task read = Wired.of(db).tasks().checklist(1).stream().map(r -> r.task())
                    .filter(t -> t.id() == saved.id()).findFirst().orElseThrow();
            assertEquals(problem, read.problem());
            assertEquals("市级排查" + SQL, read.source());
            assertEquals("张三" + EMOJI, read.leader());
            assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM sqlite_master WHERE name = 'task'"));
        }
    }

    // ---- a full disk ---------------------------------------------------------------------------------------

    @org.junit.jupiter.api.Test
    void aFullDiskRefusesTheChangeAndKeepsTheLedger_simulatedWithMaxPageCount() {
        try (Database db = TestDb.withSample(dir)) {
            long tasks = TestDb.sqlLong(db.file(), "SELECT count(*) FROM task");
            db.read(c -> c.createStatement().execute("PRAGMA max_page_count = " + TestDb.sqlLong(db.file(),
                    "PRAGMA page_count")));
            TaskService service = Wired.of(db).tasks();
            PersistenceException e = assertThrows(PersistenceException.class, () -> db.inTransaction(() -> {
                for (int i = 0; i < 50; i++) {
                    service.create(1, input("长文本" + "污".repeat(4000), "蕉城区", "2026年底前", String.valueOf(900 + i)));
                }
            }));
            assertEquals("db.error.diskFull", e.key());
            assertTrue(e.getLocalizedMessage().contains("磁盘已满"), e.getLocalizedMessage());
            assertEquals(tasks, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task"));
        }
    }

    @org.junit.jupiter.api.Test
    void aFullDiskRefusesTheChangeAndKeepsTheLedger_realTinyDisk() throws Exception {
        Mounts m = mount(SAMPLE_ROOM_KIB);
        Path ledger = BadFiles.goodLedger(m.path());
        long tasks = TestDb.sqlLong(ledger, "SELECT count(*) FROM task");
        try (Database db = Database.open(ledger)) {
            long free = Files.getFileStore(m.path()).getUsableSpace();
            Files.write(m.path().resolve("filler"), new byte[(int) Math.max(0, free - 16 * 1024)]);
            TaskService service = Wired.of(db).tasks();
            PersistenceException e = assertThrows(PersistenceException.class, () -> db.inTransaction(() -> {
                for (int i = 0; i < 200; i++) {
                    service.create(1, input("长文本" + "污".repeat(4000), "蕉城区", "2026年底前", String.valueOf(900 + i)));
                }
            }));
            assertEquals("db.error.diskFull", e.key());
        }
        Files.delete(m.path().resolve("filler"));
        assertEquals("ok", TestDb.sqlString(ledger, "PRAGMA integrity_check"));
        assertEquals(tasks, TestDb.sqlLong(ledger, "SELECT count(*) FROM task"));
    }

    @org.junit.jupiter.api.Test
    void aLedgerOnAFullDiskIsRefusedSayingTheDiskIsFull() throws Exception {
        Mounts m = mount(SAMPLE_ROOM_KIB);
        Path ledger = BadFiles.goodLedger(m.path());
        String before = TestDb.contentDigest(ledger);
        byte[] bytes = Files.readAllBytes(ledger);
        Path filler = m.path().resolve("filler");
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block); // until the disk is full
            }
        } catch (java.io.IOException full) {
            // the disk is full now
        }
        for (String command : new String[] {"sample", "stats"}) {
            CliRunner.Result r = cli("--db", ledger.toString(), command);
            assertNotEquals(0, r.code(), command);
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("磁盘已满") && !r.err().contains("权限"), command + ": " + r.err());
        }
        assertArrayEquals(bytes, Files.readAllBytes(ledger), "the file is unchanged");
        Files.delete(filler);
        assertEquals(before, TestDb.contentDigest(ledger));
    }

    // ---- places to write a backup ---------------------------------------------------------------------------

    static Stream<Case> backupTargets() {
        return Stream.of(
                new Case("an existing file", (d, t) -> BadFiles.text(d.resolve("mine.db")), "已存在"),
                new Case("the ledger itself", (d, t) -> d.resolve("ledger").resolve("test.db"), "备份到它自己"),
                new Case("a read-only disk", (d, t) -> {
                    Mounts m = t.mount(64);
                    m.remountReadOnly();
                    return m.path().resolve("copy.db");
                }, "只读"),
                new Case("a full disk", (d, t) -> t.mount(64).path().resolve("copy.db"), "磁盘已满"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backupTargets")
    void aBackupToABadPlaceIsRefusedAndLeavesNothingBehind(Case c) throws Exception {
        Path ledger = BadFiles.goodLedger(dir.resolve("ledger"));
        Path target = c.maker().make(dir, this);
        byte[] before = Files.isRegularFile(target) ? Files.readAllBytes(target) : null;
        Set<String> filesBefore = namesIn(target.getParent());

        CliRunner.Result r = cli("--db", ledger.toString(), "backup", target.toString());

        assertNotEquals(0, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(c.expected()), r.err());
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(target));
        }
        if (!target.equals(ledger)) {
            assertEquals(filesBefore, namesIn(target.getParent()), "no partial or temporary file");
        }
    }
}
