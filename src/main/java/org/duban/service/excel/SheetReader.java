package org.duban.service.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.CsvReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads .xlsx, .xls, .csv, OpenDocument .ods and Word .docx files into {@link Grid}s of displayed text. The kind is told by the file's first
 * bytes, not its name (offices rename .xlsx to .xls and back). Files that are too large, password-protected,
 * damaged or built to explode when unzipped are refused with a message that names the file and what to do.
 */
public final class SheetReader {
    /** A task list is well under a megabyte; anything past this is the wrong file or a hostile one. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_COLUMNS = 200;
    /**
     * An .xls is read whole (POI's usermodel holds every cell, several times the file's size); an .xls holds at most
     * 65,536 rows, and one over this size is no task list. Larger .xlsx files are read as a stream.
     */
    public static final long MAX_XLS_BYTES = 20L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SheetReader.class);

    static {
        ExcelLimits.install();
    }

    private SheetReader() {
    }

    /** Every sheet of a workbook in order (a CSV file gives one), with at most {@link #MAX_ROWS} rows with text. */
    public static List<Grid> read(Path file) {
        return read(file, MAX_ROWS);
    }

    /** The most rows with text a reading may be allowed ({@link #read(Path, int)}): a generated ledger's size. */
    public static final int MAX_ROWS_ALLOWED = 200_000;

    /**
     * {@link #read(Path)} allowing {@code maxRows} rows with text in a sheet instead of {@link #MAX_ROWS} (at most
     * {@link #MAX_ROWS_ALLOWED}): for a list known to be that long, asked for explicitly (the {@code import} command's
     * {@code --max-rows}, the growth table's import of 50,000 tasks). The text a file may hold grows in proportion.
     */
    public static List<Grid> read(Path file, int maxRows) {
        if (maxRows < 1 || maxRows > MAX_ROWS_ALLOWED) {
            throw new LocalizedException("excel.error.maxRowsRange", maxRows, MAX_ROWS_ALLOWED);
        }
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
            throw new LocalizedException("excel.error.tooLarge", name, megabytes(size), MAX_FILE_BYTES / (1024 * 1024));
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
        try {
            return switch (kind(magic, name, file)) {
                case XLSX -> XlsxStreamReader.read(file, name, maxRows);
                case DOCX -> DocxReader.read(file, name, maxRows);
                case ODS -> OdsReader.read(file, name, maxRows);
                case WORD_BINARY -> throw new LocalizedException("excel.error.wordBinary", name);
                case XLS -> {
                    if (size > MAX_XLS_BYTES) {
                        throw new LocalizedException("excel.error.xlsTooLarge", name, megabytes(size),
                                MAX_XLS_BYTES / (1024 * 1024));
                    }
                    yield WorkbookReader.read(file, name, maxRows);
                }
                case CSV -> List.of(readCsv(file, name, maxRows));
            };
        } catch (OutOfMemoryError e) {
            // the last line: every reader bounds what it keeps, but no stack trace ever reaches the user
            LOG.error("Out of memory reading {}", name, e);
            throw new LocalizedException("excel.error.outOfMemory", name, maxRows);
        }
    }

    /** The kinds of file read, each by its own reader. */
    private enum Kind {
        XLSX, XLS, CSV, DOCX, WORD_BINARY, ODS
    }

    /**
     * The kind by the file's first bytes and what it holds, not its name (offices rename .xlsx to .xls and back): a
     * zip holding word/document.xml is a Word document, an OLE2 file holding a WordDocument stream an old .doc or a
     * WPS 文字 .wps (told to save as .docx, not that it is no valid Excel file).
     */
    private static Kind kind(FileMagic magic, String name, Path file) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (magic == FileMagic.OOXML) {
            java.util.Set<String> entries = zipEntries(file);
            if (entries.contains("content.xml") && !entries.contains("[Content_Types].xml")) {
                // OpenDocument: a spreadsheet is read; a text document (.odt) is named as such
                if (odfMimetype(file).contains("spreadsheet") || lower.endsWith(".ods")) {
                    return Kind.ODS;
                }
                throw new LocalizedException("excel.error.odfText", name);
            }
            return entries.contains("word/document.xml") ? Kind.DOCX : Kind.XLSX;
        }
        if (magic == FileMagic.OLE2) {
            if (isWordBinary(file) || lower.endsWith(".doc") || lower.endsWith(".wps") || lower.endsWith(".dot")) {
                return Kind.WORD_BINARY;
            }
            return Kind.XLS; // also a password-protected .xlsx, which POI's workbook reader recognises
        }
        if (magic == FileMagic.RTF || magic == FileMagic.WORD2 || lower.endsWith(".doc") || lower.endsWith(".wps")) {
            return Kind.WORD_BINARY; // an .rtf named .doc, Word 2, or a .doc too damaged to tell
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm")) {
            throw new LocalizedException("excel.error.unreadable", name);
        }
        if (magic != FileMagic.UNKNOWN) {
            throw new LocalizedException("excel.error.unsupported", name);
        }
        return Kind.CSV;
    }

    /** The names of a zip's entries (only listed, nothing unpacked); empty when it cannot be listed. */
    private static java.util.Set<String> zipEntries(Path file) {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            for (int n = 0; entries.hasMoreElements() && n < 5000; n++) {
                names.add(entries.nextElement().getName());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not list {} as a zip", file, e); // the workbook reader says what is wrong
        }
        return names;
    }

    /** The mimetype entry of an OpenDocument file ("" when there is none). */
    private static String odfMimetype(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry e = zip.getEntry("mimetype");
            if (e == null) {
                return "";
            }
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** An OLE2 file with a WordDocument stream: Word 97–2003 (.doc) or WPS 文字 (.wps). */
    private static boolean isWordBinary(Path file) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                     new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntryCaseInsensitive("WordDocument");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** "52.3" (MB), with as many decimals as it takes not to look like the limit itself ("50.000001", not "50.0"). */
    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        for (int decimals = 1; decimals < 7; decimals++) {
            String shown = String.format(Locale.ROOT, "%." + decimals + "f", mb);
            if (Double.parseDouble(shown) != Math.rint(mb) || mb == Math.rint(mb)) {
                return shown;
            }
        }
        return String.format(Locale.ROOT, "%.6f", mb);
    }

    private static Grid readCsv(Path file, String name, int maxRows) {
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
        List<List<String>> rows = CsvReader.parse(text, separator, maxRows + 1); // stops at the first row too many
        if (rows.size() > maxRows) {
            throw new LocalizedException("excel.error.tooManyRows", name, rows.size(), maxRows);
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

    /**
     * A reader's failure in the user's words: a password, a file built to explode when unzipped, or one that is
     * not a readable workbook.
     */
    static LocalizedException failure(Throwable e, String name) {
        if (e instanceof LocalizedException l) {
            return l;
        }
        if (e instanceof EncryptedDocumentException) {
            return new LocalizedException(e, "excel.error.encrypted", name);
        }
        if (looksLikeBomb(e)) {
            LOG.warn("Refused {} as a zip bomb", name, e);
            return new LocalizedException(e, "excel.error.suspicious", name);
        }
        LOG.warn("Could not read {}", name, e);
        return new LocalizedException(e, "excel.error.unreadable", name);
    }

    private static boolean looksLikeBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause() : nested(t)) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("MaxEntrySize") || m.contains("max length")
                    || m.contains("Tried to allocate") || m.contains("MaxFileCount")) {
                return true;
            }
        }
        return false;
    }

    /** StAX keeps the I/O error under its own name. */
    private static Throwable nested(Throwable t) {
        return t instanceof javax.xml.stream.XMLStreamException x ? x.getNestedException() : null;
    }

    /** Cell text as people mean it: line breaks kept (as \n), other whitespace at the ends dropped. */
    static String tidy(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ').strip();
    }
}
