package org.duban.service.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.duban.i18n.LocalizedException;

/**
 * OpenDocument spreadsheets (.ods), as LibreOffice and WPS on Linux desktops save task lists. Read with the JDK's own
 * StAX parser from the file's content.xml, as a stream: an .ods is a zip whose one XML part holds every sheet, and
 * the JDK parser is maintained with the JDK itself, needs no further dependency (the ODF Toolkit's odfdom would bring
 * Xerces and more, and builds a DOM of the whole document), and reads row by row within the same bounds as the
 * .xlsx reader: the part's size, {@link SheetReader#MAX_ROWS} rows with text, {@link SheetReader#MAX_COLUMNS}.
 *
 * <ul>
 *   <li>Cells are read as displayed (their text:p paragraphs, one line each); a date cell gives its ISO date.</li>
 *   <li>Repeated empty rows and columns (LibreOffice writes "1,048,576 empty rows" as one element) are skipped,
 *       never expanded; repeated cells with text are expanded up to the column limit.</li>
 *   <li>Merged cells (number-columns-spanned / number-rows-spanned) stand in every cell they cover.</li>
 * </ul>
 */
final class OdsReader {
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    /** content.xml of a task list is well under a few megabytes; the same bound as an .xlsx part. */
    static final long MAX_CONTENT_BYTES = 200L * 1024 * 1024;

    private OdsReader() {
    }

    /** Every sheet (table:table) of the document, in order. */
    static List<Grid> read(Path file, String name, int maxRows) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw new LocalizedException("excel.error.odsUnreadable", name);
            }
            try (InputStream in = new Bounded(zip.getInputStream(content), MAX_CONTENT_BYTES, name)) {
                return read(in, name, maxRows);
            }
        } catch (IOException | XMLStreamException e) {
            throw new LocalizedException(e, "excel.error.odsUnreadable", name);
        }
    }

    private static List<Grid> read(InputStream in, String name, int maxRows) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader x = f.createXMLStreamReader(in);
        List<Grid> grids = new ArrayList<>();
        SheetRows.TextBudget budget = new SheetRows.TextBudget(name, maxRows);
        try {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && is(x, TABLE, "table")) {
                    String sheet = attr(x, TABLE, "name");
                    grids.add(table(x, new SheetRows(name + " / " + sheet, sheet, false, budget)));
                }
            }
        } finally {
            x.close();
        }
        return grids;
    }

    /** One table:table, up to its end tag. */
    private static Grid table(XMLStreamReader x, SheetRows rows) throws XMLStreamException {
        int row = 0;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT && is(x, TABLE, "table")) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT && is(x, TABLE, "table-row")) {
                int repeat = number(attr(x, TABLE, "number-rows-repeated"), 1);
                List<String> cells = new ArrayList<>();
                List<int[]> merges = new ArrayList<>();
                rowCells(x, cells, merges, row, rows.where(), rows.maxRows());
                boolean text = cells.stream().anyMatch(c -> c != null && !c.isBlank());
                int times = text ? Math.min(repeat, rows.maxRows() + 1) : 1;
                for (int i = 0; i < times; i++) {
                    rows.add(row + i, cells.toArray(String[]::new), List.of());
                }
                merges.forEach(m -> rows.merge(m[0], m[1], m[2], m[3]));
                row += Math.max(1, Math.min(repeat, Integer.MAX_VALUE - row - 1));
            }
        }
        return rows.toGrid();
    }

    /** The cells of one row, to its end tag: texts by column, and the merged areas that start in it. */
    private static void rowCells(XMLStreamReader x, List<String> cells, List<int[]> merges, int row, String where,
                                 int maxRows)
            throws XMLStreamException {
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT && is(x, TABLE, "table-row")) {
                return;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            boolean covered = is(x, TABLE, "covered-table-cell");
            if (!covered && !is(x, TABLE, "table-cell")) {
                continue;
            }
            int repeat = number(attr(x, TABLE, "number-columns-repeated"), 1);
            int spanCols = number(attr(x, TABLE, "number-columns-spanned"), 1);
            int spanRows = number(attr(x, TABLE, "number-rows-spanned"), 1);
            String date = "date".equals(attr(x, OFFICE, "value-type")) ? attr(x, OFFICE, "date-value") : null;
            String localName = x.getLocalName();
            String text = cellText(x, localName);
            if (date != null && !date.isBlank()) {
                text = date.length() >= 10 ? date.substring(0, 10) : date;
            }
            int column = cells.size();
            boolean filled = !text.isBlank();
            int times = filled ? repeat : (column + repeat > SheetReader.MAX_COLUMNS ? 0 : repeat);
            if (filled && column + times > SheetReader.MAX_COLUMNS) {
                throw new LocalizedException("excel.error.tooManyColumns", where, column + times,
                        SheetReader.MAX_COLUMNS);
            }
            for (int i = 0; i < times; i++) {
                cells.add(covered ? "" : SheetReader.tidy(text));
            }
            if (!covered && filled && (spanCols > 1 || spanRows > 1)) {
                merges.add(new int[] {row, row + Math.min(spanRows, maxRows) - 1, column,
                        Math.min(column + spanCols, SheetReader.MAX_COLUMNS) - 1});
            }
        }
    }

    /** A cell's paragraphs as lines, to its end tag (text:s is spaces, text:tab a tab, text:line-break a line). */
    private static String cellText(XMLStreamReader x, String cellName) throws XMLStreamException {
        StringBuilder all = new StringBuilder();
        StringBuilder p = null;
        int depth = 0;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT && depth == 0 && x.getLocalName().equals(cellName)
                    && TABLE.equals(x.getNamespaceURI())) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (is(x, TEXT, "p") || is(x, TEXT, "h")) {
                    p = new StringBuilder();
                } else if (p != null && is(x, TEXT, "s")) {
                    p.append(" ".repeat(Math.min(1000, number(attr(x, TEXT, "c"), 1))));
                } else if (p != null && is(x, TEXT, "tab")) {
                    p.append('\t');
                } else if (p != null && is(x, TEXT, "line-break")) {
                    p.append('\n');
                } else if (is(x, OFFICE, "annotation")) {
                    skip(x); // a comment is no part of the cell's text
                    depth--;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if ((is(x, TEXT, "p") || is(x, TEXT, "h")) && p != null) {
                    if (all.length() > 0) {
                        all.append('\n');
                    }
                    all.append(p);
                    p = null;
                }
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && p != null) {
                p.append(x.getText());
            }
        }
        return all.toString();
    }

    private static void skip(XMLStreamReader x) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean is(XMLStreamReader x, String ns, String local) {
        return local.equals(x.getLocalName()) && ns.equals(x.getNamespaceURI());
    }

    private static String attr(XMLStreamReader x, String ns, String local) {
        return x.getAttributeValue(ns, local);
    }

    private static int number(String s, int otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return Math.max(1, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Stops reading a part past a size no task list reaches (a file built to explode when unzipped). */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private final String name;
        private long read;

        Bounded(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new LocalizedException("excel.error.suspicious", name);
            }
        }
    }
}
