package org.duban.service.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.CsvReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads .xlsx, .xls and .csv files into {@link Grid}s of displayed text. The kind is told by the file's first
 * bytes, not its name (offices rename .xlsx to .xls and back). Files that are too large, password-protected,
 * damaged or built to explode when unzipped are refused with a message that names the file and what to do.
 */
public final class SheetReader {
    /** A task list is well under a megabyte; anything past this is the wrong file or a hostile one. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_COLUMNS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SheetReader.class);

    static {
        ExcelLimits.install();
    }

    private SheetReader() {
    }

    /** Every sheet of a workbook in order (a CSV file gives one). */
    public static List<Grid> read(Path file) {
        String name = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new LocalizedException(e, "excel.error.notFound", file);
        } catch (IOException e) {
            throw new LocalizedException(e, "excel.error.cannotRead", name, e.getMessage());
        }
        if (size > MAX_FILE_BYTES) {
            throw new LocalizedException("excel.error.tooLarge", name, size / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
        }
        if (size == 0) {
            throw new LocalizedException("excel.error.empty", name);
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new LocalizedException(e, "excel.error.cannotRead", name, e.getMessage());
        }
        if (magic == FileMagic.OOXML || magic == FileMagic.OLE2) {
            return readWorkbook(file, name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm")) {
            throw new LocalizedException("excel.error.unreadable", name);
        }
        if (magic != FileMagic.UNKNOWN) {
            throw new LocalizedException("excel.error.unsupported", name);
        }
        return List.of(readCsv(file, name));
    }

    private static Grid readCsv(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LocalizedException(e, "excel.error.cannotRead", name, e.getMessage());
        }
        TextDecoding.Decoded decoded;
        try {
            decoded = TextDecoding.decode(bytes);
        } catch (TextDecoding.EncodingException e) {
            throw isBinary(bytes) ? new LocalizedException("excel.error.unsupported", name) : encodingError(name, e);
        }
        String text = decoded.text();
        if (text.indexOf('\0') >= 0) {
            throw nulError(name, text);
        }
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        char separator = count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
        List<List<String>> rows = CsvReader.parse(text, separator);
        if (rows.size() > MAX_ROWS) {
            throw new LocalizedException("excel.error.tooManyRows", name, rows.size(), MAX_ROWS);
        }
        List<Grid.Row> grid = new ArrayList<>();
        int number = 0;
        for (List<String> r : rows) {
            number++; // CsvReader drops blank lines; messages still count data lines, as Excel would show them
            if (r.size() > MAX_COLUMNS) {
                throw new LocalizedException("excel.error.tooManyColumns", name, r.size(), MAX_COLUMNS);
            }
            grid.add(new Grid.Row(number, r.stream().map(SheetReader::tidy).toList()));
        }
        LOG.info("Read {} ({}, {} rows)", name, decoded.charset(), grid.size());
        return new Grid("", false, grid);
    }

    /**
     * Text with NUL characters: a few lines of them are a slip in a real list (a bad copy, an export that broke
     * off), named so they can be found; many are a binary file with a .csv name.
     */
    private static LocalizedException nulError(String name, String text) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int count = 0;
        boolean marked = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                marked = false;
            } else if (c == '\0') {
                count++;
                if (!marked) {
                    lines.add(line);
                    marked = true;
                }
            }
        }
        if (lines.size() * 2 > line || count > 16 && count * 100L > text.length()) {
            return new LocalizedException("excel.error.unsupported", name); // a binary file with a .csv name
        }
        String list = lines.subList(0, Math.min(10, lines.size())).stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("、")) + (lines.size() > 10 ? "…" : "");
        return new LocalizedException("excel.error.nul", name, list);
    }

    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static LocalizedException encodingError(String name, TextDecoding.EncodingException e) {
        List<Integer> lines = e.lines();
        String list = lines.subList(0, Math.min(10, lines.size())).stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("、")) + (lines.size() > 10 ? "…" : "");
        if (!e.mixed()) {
            return new LocalizedException("excel.error.badEncoding", name, list);
        }
        return new LocalizedException("excel.error.mixedEncoding", name, list, charsetName(e.lineCharset()),
                charsetName(e.restCharset()));
    }

    private static String charsetName(java.nio.charset.Charset c) {
        return c.equals(TextDecoding.GB18030) ? "GBK" : "UTF-8";
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static List<Grid> readWorkbook(Path file, String name) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            List<Grid> grids = new ArrayList<>();
            CellText cells = new CellText(new DataFormatter(Locale.CHINA),
                    wb.getCreationHelper().createFormulaEvaluator());
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet sheet = wb.getSheetAt(i);
                boolean hidden = wb.isSheetHidden(i) || wb.isSheetVeryHidden(i);
                grids.add(readSheet(sheet, hidden, cells, name));
            }
            return grids;
        } catch (EncryptedDocumentException e) {
            throw new LocalizedException(e, "excel.error.encrypted", name);
        } catch (LocalizedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (looksLikeBomb(e)) {
                LOG.warn("Refused {} as a zip bomb", name, e);
                throw new LocalizedException(e, "excel.error.suspicious", name);
            }
            LOG.warn("Could not read {}", name, e);
            throw new LocalizedException(e, "excel.error.unreadable", name);
        }
    }

    private static boolean looksLikeBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("MaxEntrySize") || m.contains("max length")
                    || m.contains("Tried to allocate") || m.contains("MaxFileCount")) {
                return true;
            }
        }
        return false;
    }

    private static Grid readSheet(Sheet sheet, boolean hidden, CellText cellText, String fileName) {
        // rows that exist, not the last row's number: one stray cell far below a list does not make it large
        if (sheet.getPhysicalNumberOfRows() > MAX_ROWS) {
            throw new LocalizedException("excel.error.tooManyRows", fileName + " / " + sheet.getSheetName(),
                    sheet.getPhysicalNumberOfRows(), MAX_ROWS);
        }
        TreeMap<Integer, String[]> rows = new TreeMap<>();
        Map<Integer, List<CellIssue>> issues = new HashMap<>();
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            if (row.getLastCellNum() > MAX_COLUMNS) {
                throw new LocalizedException("excel.error.tooManyColumns", fileName + " / " + sheet.getSheetName(),
                        (int) row.getLastCellNum(), MAX_COLUMNS);
            }
            String[] cells = new String[Math.max(0, row.getLastCellNum())];
            for (Cell cell : row) {
                CellText.Read read = cellText.read(cell);
                cells[cell.getColumnIndex()] = read.text();
                if (read.issue() != null) {
                    issues.computeIfAbsent(row.getRowNum(), k -> new ArrayList<>()).add(read.issue());
                }
            }
            rows.put(row.getRowNum(), cells);
        }
        // A merged cell shows its text across the whole area: 责任单位 merged over three tasks belongs to each.
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            String[] first = rows.get(region.getFirstRow());
            String value = first != null && region.getFirstColumn() < first.length && first[region.getFirstColumn()] != null
                    ? first[region.getFirstColumn()] : "";
            if (value.isBlank()) {
                continue;
            }
            int lastRow = Math.min(region.getLastRow(), MAX_ROWS);
            int lastCol = Math.min(region.getLastColumn(), MAX_COLUMNS - 1);
            for (int r = region.getFirstRow(); r <= lastRow; r++) {
                String[] cells = rows.computeIfAbsent(r, k -> new String[0]);
                if (cells.length <= lastCol) {
                    cells = java.util.Arrays.copyOf(cells, lastCol + 1);
                    rows.put(r, cells);
                }
                for (int c = region.getFirstColumn(); c <= lastCol; c++) {
                    if (cells[c] == null || cells[c].isBlank()) {
                        cells[c] = value;
                    }
                }
            }
        }
        List<Grid.Row> list = new ArrayList<>();
        rows.forEach((index, cells) -> {
            List<String> texts = new ArrayList<>(cells.length);
            for (String c : cells) {
                texts.add(c == null ? "" : c);
            }
            Grid.Row r = new Grid.Row(index + 1, texts, issues.getOrDefault(index, List.of()));
            if (!r.isBlank()) {
                list.add(r);
            }
        });
        return new Grid(sheet.getSheetName(), hidden, list);
    }

    /** Cell text as people mean it: line breaks kept (as \n), other whitespace at the ends dropped. */
    static String tidy(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ').strip();
    }
}
