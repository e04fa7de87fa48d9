package org.duban.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks written with POI for import tests: a plain heading in row 1 and the rows under it. */
public final class Workbooks {
    /** The heading of a small list. */
    public static final List<String> HEADER = List.of("序号", "问题", "责任单位", "完成时限", "备注");

    private Workbooks() {
    }

    /** Writes a workbook; formulas keep no saved result unless {@code evaluate} (as Excel would save them). */
    public static Path write(Path file, boolean evaluate, Consumer<XSSFWorkbook> content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            content.accept(wb);
            if (evaluate) {
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            wb.write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-sheet list with {@link #HEADER} and the given rows. */
    public static Path list(Path file, List<List<Object>> rows) {
        return write(file, false, wb -> sheet(wb, "任务清单", rows));
    }

    /**
     * A sheet with {@link #HEADER} in row 1 and the given rows: a String starting with = is a formula, a number
     * a number cell, a LocalDate a date cell.
     */
    public static Sheet sheet(XSSFWorkbook wb, String name, List<List<Object>> rows) {
        Sheet sheet = wb.createSheet(name);
        Row h = sheet.createRow(0);
        for (int c = 0; c < HEADER.size(); c++) {
            h.createCell(c).setCellValue(HEADER.get(c));
        }
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Cell cell = row.createCell(c);
                Object v = values.get(c);
                if (v instanceof String s && s.startsWith("=")) {
                    cell.setCellFormula(s.substring(1));
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v != null) {
                    cell.setCellValue((String) v);
                }
            }
        }
        return sheet;
    }

    /** One row's cells. */
    public static List<Object> row(Object... cells) {
        return List.of(cells);
    }
}
