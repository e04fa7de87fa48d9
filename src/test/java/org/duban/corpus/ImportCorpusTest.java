package org.duban.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.duban.testing.BadSheets;
import org.duban.testing.CliRunner;
import org.duban.testing.HugeSheets;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.duban.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed task lists, each given to the real {@code import} command on a copy of the sample ledger: each is
 * refused with a message that names what is wrong (the file, or the row and column), and the ledger's content
 * is unchanged (a digest of every row of every table) with no pre-import backup taken.
 */
class ImportCorpusTest {
    private static final String EMOJI = "🌊🏭♻️👍🏽";
    private static final String SQL = "'; DROP TABLE task; -- \" OR 1=1 /* %_ \\";

    @TempDir
    static Path shared;
    private static Path sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void sampleLedgerOnce() {
        TestDb.withSample(shared).close();
        sample = shared.resolve("test.db");
    }

    @FunctionalInterface
    interface Maker {
        Path make(Path dir) throws Exception;
    }

    /**
     * One malformed list: how to make it, words the message must contain, and where it must point (row 0: the
     * whole file, named in the one line on the error stream; otherwise that row and, when given, that column).
     */
    record Bad(String name, Maker maker, String expected, int row, String column) {
        static Bad file(String name, Maker maker, String expected) {
            return new Bad(name, maker, expected, 0, "");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Object> task(Object seq, Object problem, Object units, Object deadline) {
        return Workbooks.row(seq, problem, units, deadline);
    }

    private static Path csv(Path file, String text) throws Exception {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Stream<Bad> importFiles() {
        return Stream.of(
                // the file itself
                Bad.file("a text file named .xlsx", d -> BadFiles.text(d.resolve("清单.xlsx")), "不是有效的 Excel 文件"),
                Bad.file("a truncated xlsx", d -> BadSheets.truncated(d.resolve("半个清单.xlsx")), "不是有效的 Excel 文件"),
                Bad.file("a zip bomb", d -> BadSheets.zipBomb(d.resolve("炸弹.xlsx")), "异常庞大"),
                Bad.file("a huge sheet (20,001 task rows)", d -> BadSheets.manyRows(d.resolve("大表.xlsx"), 20_001),
                        "行的上限"),
                Bad.file("a huge CSV (20,001 task rows)", d -> csv(d.resolve("大表.csv"),
                        "序号,问题,责任单位,完成时限\n" + "1,问题,蕉城区,2026年底前\n".repeat(20_001)), "行的上限"),
                Bad.file("a sheet 300 columns wide", d -> BadSheets.wide(d.resolve("宽表.xlsx"), 300), "列的上限"),
                Bad.file("an empty .xlsx (0 bytes)", d -> BadFiles.empty(d.resolve("空.xlsx")), "是空的"),
                Bad.file("an empty .csv (0 bytes)", d -> BadFiles.empty(d.resolve("空.csv")), "是空的"),
                Bad.file("a password-protected xlsx", d -> BadSheets.encrypted(d.resolve("加密.xlsx")), "设有打开密码"),
                // read as the Word document it is (issue 14): it has no table, and the message says so
                Bad.file("a Word document named .xlsx", d -> BadSheets.wordDocument(d.resolve("通知.xlsx")),
                        "里没有表格"),
                Bad.file("an old Word .doc", d -> BadSheets.wordBinary(d.resolve("清单.doc")), "另存为”Word 文档（*.docx）"),
                Bad.file("a web page exported as .xls", d -> BadSheets.htmlTable(d.resolve("系统导出.xls")),
                        "不是有效的 Excel 文件"),
                Bad.file("a PDF named .xlsx", d -> BadSheets.pdf(d.resolve("扫描件.xlsx")), "不是有效的 Excel 文件"),
                Bad.file("a binary file named .csv", d -> BadSheets.binaryCsv(d.resolve("数据.csv")), "不支持文件"),
                Bad.file("a CSV with a NUL byte in one row", d -> csv(d.resolve("空字符.csv"),
                        "序号,问题,责任单位,完成时限\n1,河道垃圾,蕉城区,2026年底前\n2,入河\0排污口,福安市,2026年底前\n"),
                        "第 3 行含有空字符"),
                Bad.file("a CSV mixing UTF-8 and GBK lines", d -> BadSheets.mixedEncodings(d.resolve("拼接.csv")),
                        "第 3、4 行是 GBK"),
                Bad.file("a CSV with a line in no known encoding", d -> BadSheets.undecodable(d.resolve("乱码.csv")),
                        "既不是 UTF-8 也不是 GBK"),
                Bad.file("a file that is not there", d -> d.resolve("不存在.xlsx"), "找不到文件"),
                // sheets and headings
                new Bad("only empty sheets", d -> Workbooks.write(d.resolve("空表.xlsx"), false, wb -> {
                    wb.createSheet("Sheet1");
                    wb.createSheet("Sheet2");
                }), "没有任何内容", 0, ""),
                new Bad("no sheet has a heading (a cover and notes)", d -> Workbooks.write(d.resolve("封面.xlsx"), false,
                        wb -> {
                            wb.createSheet("封面").createRow(3).createCell(0).setCellValue(OfficeLists.TITLE);
                            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("各单位请于每月5日前报送。");
                        }), "工作表“封面”、“说明”的前 30 行", 0, ""),
                new Bad("a heading without task rows", d -> Workbooks.list(d.resolve("只有表头.xlsx"), List.of()),
                        "下面没有任务行", 1, ""),
                new Bad("no deadline column", d -> csv(d.resolve("缺列.csv"), "序号,问题,责任单位\n1,河道垃圾,蕉城区\n"),
                        "缺少“完成时限”列", 1, ""),
                // cells
                new Bad("a 100,000-character cell (CSV)", d -> csv(d.resolve("长文本.csv"),
                        "序号,问题,责任单位,完成时限\n1," + "污".repeat(100_000) + ",蕉城区,2026年底前\n"),
                        "100,000 字", 2, "B"),
                new Bad("a 32,767-character cell (Excel's maximum)", d -> Workbooks.list(d.resolve("长文本.xlsx"),
                        List.of(task(1, "污".repeat(32_767), "蕉城区", "2026年底前"))), "32,767 字", 2, "B"),
                new Bad("one long repetitive cell (compresses like a zip bomb)", d -> HugeSheets.write(
                        d.resolve("长文本重复.xlsx"), 1, "污".repeat(500_000)), "500,000 字", 2, "B"),
                new Bad("a formula whose result is an error", d -> Workbooks.write(d.resolve("公式错误.xlsx"), true,
                        wb -> Workbooks.sheet(wb, "任务清单", List.of(task(1, "河道垃圾", "=1/0", "2026年底前")))),
                        "#DIV/0!", 2, "C"),
                new Bad("a formula on another workbook, saved without its result", d -> Workbooks.list(
                        d.resolve("外部引用.xlsx"), List.of(task(1, "=[1]Sheet1!A1", "蕉城区", "2026年底前"))),
                        "无法计算", 2, "B"),
                new Bad("a numeric deadline that is no date", d -> Workbooks.list(d.resolve("数字时限.xlsx"),
                        List.of(task(1, "河道垃圾", "蕉城区", 123))), "无法识别的完成时限", 2, "D"),
                new Bad("a deadline on a day that does not exist", d -> Workbooks.list(d.resolve("日期.xlsx"),
                        List.of(task(1, "河道垃圾", "蕉城区", "2026年2月30日"))), "无法识别的完成时限", 2, "D"),
                new Bad("a unit name with emoji", d -> Workbooks.list(d.resolve("表情.xlsx"),
                        List.of(task(1, "河道垃圾", "蕉城区" + EMOJI, "2026年底前"))), "找不到单位：蕉城区" + EMOJI, 2, "C"),
                new Bad("a unit name with SQL meta-characters", d -> Workbooks.list(d.resolve("注入.xlsx"),
                        List.of(task(1, "河道垃圾", "蕉城区" + SQL, "2026年底前"))), "找不到单位", 2, "C"),
                new Bad("a 序号 with SQL in it", d -> Workbooks.list(d.resolve("序号.xlsx"),
                        List.of(task("1; DROP TABLE task", "河道垃圾", "蕉城区", "2026年底前"))), "正整数", 2, "A"),
                new Bad("a repeated 序号", d -> Workbooks.list(d.resolve("重复.xlsx"), List.of(
                        task(1, "河道垃圾", "蕉城区", "2026年底前"), task(1, "入河排污口", "福安市", "2026年底前"))),
                        "与第 2 行重复", 3, "A"),
                new Bad("a file named with emoji and SQL, with an unknown unit", d -> Workbooks.list(
                        d.resolve("清单" + EMOJI + "'; DROP TABLE task;--.xlsx"),
                        List.of(task(1, "河道垃圾", "火星区", "2026年底前"))), "找不到单位：火星区", 2, "C"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importFiles")
    void aBadListIsRefusedWithAMessageNamingWhatIsWrongAndTheLedgerIsUnchanged(Bad c) throws Exception {
        Path ledger = Files.createDirectories(dir.resolve("ledger")).resolve("test.db");
        Files.copy(sample, ledger);
        String before = TestDb.contentDigest(ledger);
        Path file = c.maker().make(Files.createDirectories(dir.resolve("in")));

        CliRunner.Result r = CliRunner.run("--db", ledger.toString(), "import", file.toString(), "--source", "市级排查");

        assertNotEquals(0, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        String said = r.out() + r.err();
        assertTrue(said.contains(c.expected()), said.substring(0, Math.min(2000, said.length())));
        assertTrue(said.length() < 20_000, "a message, not the whole file echoed back");
        if (c.row() == 0) {
            assertTrue(said.contains(file.getFileName().toString()), "names the file: " + said);
        } else {
            String where = "第 " + c.row() + " 行" + (c.column().isEmpty() ? "" : " " + c.column() + " 列");
            assertTrue(r.out().lines().anyMatch(l -> l.contains(where) && l.contains(c.expected())),
                    "points at " + where + ": " + r.out());
        }
        assertEquals(before, TestDb.contentDigest(ledger), "the ledger's content is unchanged");
        assertEquals("ok", TestDb.sqlString(ledger, "PRAGMA integrity_check"));
        Path backups = ledger.resolveSibling("backups");
        try (Stream<Path> s = Files.exists(backups) ? Files.list(backups) : Stream.empty()) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith("-import.db")),
                    "nothing to import, so no backup before an import");
        }
    }

    private Path emptyLedger() {
        TestDb.withRoster(dir).close();
        return dir.resolve("test.db");
    }

    // ---- awkward but readable: imported, with a note where a guess was made ----------------------------------

    @Test
    void aListBehindACoverPageIsImportedAndTheSheetReadIsNamed() throws Exception {
        Path ledger = emptyLedger();
        Path file = Workbooks.write(dir.resolve("带封面.xlsx"), false, wb -> {
            wb.createSheet("封面").createRow(2).createCell(0).setCellValue(OfficeLists.TITLE);
            Workbooks.sheet(wb, "任务清单", List.of(task(1, "河道垃圾", "蕉城区", "2026年底前"),
                    task(2, "入河排污口", "福安市、霞浦县", 46203)));
        });
        CliRunner.Result r = CliRunner.run("--db", ledger.toString(), "import", file.toString(), "--source", "市级排查");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("已读取工作表“任务清单”中的任务清单；它前面的工作表“封面”中没有表头"), r.out());
        assertTrue(r.out().contains("第 3 行 D 列（完成时限） “46203”：完成时限“46203”是 Excel 的日期序号，已按 2026-06-30 导入"),
                r.out());
        assertEquals(2, TestDb.sqlLong(ledger, "SELECT count(*) FROM task"));
        assertEquals("2026-06-30", TestDb.sqlString(ledger, "SELECT due_date FROM task WHERE seq = 2"));
    }

    @Test
    void emojiAndSqlMetaCharactersInTextAreImportedExactlyAsWritten() {
        Path ledger = emptyLedger();
        String problem = "入河排污口" + EMOJI + SQL + "\n第二行";
        Path file = Workbooks.list(dir.resolve("特殊字符.xlsx"), List.of(task(1, problem, "蕉城区", "2026年底前")));
        CliRunner.Result r = CliRunner.run("--db", ledger.toString(), "import", file.toString(), "--source", SQL);
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(SQL, TestDb.sqlString(ledger, "SELECT source FROM task"));
        assertEquals(problem, TestDb.sqlString(ledger, "SELECT problem FROM task"));
        assertEquals(1, TestDb.sqlLong(ledger, "SELECT count(*) FROM sqlite_master WHERE name = 'task'"));
    }

    @Test
    void aListWithNoSourceAnywhereSaysWhereASourceCanComeFrom() throws Exception {
        Path ledger = emptyLedger();
        Path file = Workbooks.list(dir.resolve("无来源.xlsx"), List.of(task(1, "河道垃圾", "蕉城区", "2026年底前")));
        CliRunner.Result r = CliRunner.run("--db", ledger.toString(), "import", file.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("第 2 行：没有来源：文件中没有“来源”列") && r.out().contains("--source"), r.out());
        assertEquals(0, TestDb.sqlLong(ledger, "SELECT count(*) FROM task"));
        assertEquals(0, TestDb.sqlLong(ledger, "SELECT count(*) FROM meeting"), "no meeting made for nothing");
    }

    @Test
    void theCorpusHoldsAtLeastThirtyMalformedInputs() {
        long cases = importFiles().count() + BadInputCorpusTest.databaseFiles().count()
                + BadInputCorpusTest.restoreFiles().count() + BadInputCorpusTest.taskInputs().count()
                + BadInputCorpusTest.backupTargets().count();
        assertTrue(cases >= 30, "issue 10 asks for at least 30; " + cases);
        assertTrue(importFiles().count() >= 20, "the import family: " + importFiles().count());
    }
}
