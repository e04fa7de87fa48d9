package org.duban.service.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; rows end with LF or CR LF; a
 * leading BOM is skipped; blank lines are dropped.
 */
public final class CsvReader {
    private CsvReader() {
    }

    public static List<List<String>> read(Reader reader) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) != -1; ) {
            all.append(buf, 0, n);
        }
        return parse(all.toString());
    }

    public static List<List<String>> parse(String text) {
        return parse(text, ',');
    }

    /** As {@link #parse(String)} with another field separator (a tab for Excel's "Unicode text"). */
    public static List<List<String>> parse(String text, char separator) {
        return parse(text, separator, Integer.MAX_VALUE);
    }

    /**
     * As {@link #parse(String, char)}, stopping once {@code maxRows} rows are read: a huge file is not parsed whole
     * to be refused.
     */
    public static List<List<String>> parse(String text, char separator, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, field);
                row = new ArrayList<>();
                if (rows.size() >= maxRows) {
                    return rows;
                }
            } else {
                field.append(c);
            }
        }
        endRow(rows, row, field);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field) {
        row.add(field.toString());
        field.setLength(0);
        boolean blank = row.stream().allMatch(String::isEmpty);
        if (!blank) {
            rows.add(row);
        }
    }
}
