package org.duban.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.persistence.Database;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.TaskImporter;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;

/**
 * A large Excel import (3,000 rows, most shared by two or three units, some marked 挂牌督办) into a new meeting,
 * the way the window and the {@code import} command run it: a backup first, then every task, assignment, audit
 * row and supervision in one transaction. The child stops half-way through the rows, inside the transaction.
 */
public final class LargeImportScenario implements CrashScenario {
    static final int ROWS = 3_000;
    private static final String[] UNITS = {"蕉城区", "福安市、霞浦县", "古田县、屏南县、周宁县", "东侨开发区", "福鼎市、柘荣县"};

    static Path list(Path db) {
        return db.resolveSibling("large-list.xlsx");
    }

    @Override
    public void prepare(Path db) throws IOException {
        TestDb.withSample(db.getParent()).close();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(list(db))) {
            Sheet s = wb.createSheet("任务清单");
            s.createRow(0).createCell(0).setCellValue("全市生态环境问题排查整治任务清单");
            String[] heading = {"序号", "问题描述", "整改措施", "责任单位", "完成时限", "备注"};
            Row h = s.createRow(2);
            for (int c = 0; c < heading.length; c++) {
                h.createCell(c).setCellValue(heading[c]);
            }
            for (int i = 1; i <= ROWS; i++) {
                Row r = s.createRow(i + 2);
                r.createCell(0).setCellValue(i);
                r.createCell(1).setCellValue("排查发现问题 " + i + "：入河排污口设置不规范，雨污混流，汛期溢流污染水体。");
                r.createCell(2).setCellValue("建立问题清单，倒排工期，逐项整改销号。");
                r.createCell(3).setCellValue(UNITS[i % UNITS.length]);
                r.createCell(4).setCellValue(i % 3 == 0 ? "长期坚持" : "2027年" + (i % 12 + 1) + "月底前");
                r.createCell(5).setCellValue(i % 50 == 0 ? "挂牌督办" : "");
            }
            wb.write(out);
            wb.dispose();
        }
    }

    @Override
    public void operate(Path db, Signal signal) {
        importInto(db, signal);
    }

    private static void importInto(Path db, Signal signal) {
        try (Database d = Database.open(db)) {
            if (signal != null) {
                Ledgers.smallCache(d); // the child: spill the open transaction to disk, as a large real one does
            }
            TaskImporter importer = Wired.of(d).importer();
            importer.apply(importer.read(list(db)), new ImportTarget.NewMeeting("", LocalDate.of(2026, 11, 30)),
                    ImportOptions.DEFAULT.withDefaultSource("市级排查"), (done, total) -> {
                        if (signal != null && done == total / 2) {
                            signal.holdHere(); // 1,500 tasks written, the transaction open
                        }
                    });
        }
    }

    @Override
    public Map<String, Long> measure(Path db) {
        return Ledgers.rows(db, "meeting", "task", "assignment", "supervision", "audit_log");
    }

    @Override
    public Map<String, Long> whenDone(Path db, Map<String, Long> before) throws IOException {
        Path reference = Ledgers.copy(db);
        Files.copy(list(db), list(reference));
        importInto(reference, null);
        return measure(reference);
    }

    @Override
    public String toString() {
        return "a large Excel import (3000 rows)";
    }
}
