package org.duban.service.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An .xlsx's shared strings, read only as far as cells ask for them. Writers number the strings in the order cells
 * first use them, so the first 20,000 rows of a huge sheet need only the start of the table: a workbook of 1.6 million
 * distinct texts is not read whole to be refused. The text of each string counts toward the file's budget.
 */
final class SharedStrings implements AutoCloseable {
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** Where the table's XML comes from (opened on the first string asked for). */
    @FunctionalInterface
    interface Source {
        InputStream open() throws Exception;
    }

    private final XMLInputFactory xml;
    private final Source source;
    private final SheetRows.TextBudget budget;
    private final List<String> read = new ArrayList<>();
    private InputStream in;
    private XMLStreamReader x;
    private boolean finished;

    SharedStrings(XMLInputFactory xml, Source source, SheetRows.TextBudget budget) {
        this.xml = xml;
        this.source = source;
        this.budget = budget;
    }

    /** The string at {@code index}, {@code ""} when the table has none there. */
    String get(int index) {
        if (index < 0) {
            return "";
        }
        try {
            while (read.size() <= index && !finished) {
                next();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Shared strings unreadable", e);
        }
        return index < read.size() ? read.get(index) : "";
    }

    /** Reads the next {@code <si>}: its text runs, not the phonetic guide ({@code <rPh>}). */
    private void next() throws XMLStreamException {
        if (x == null) {
            try {
                in = source.open();
            } catch (Exception e) {
                in = null;
            }
            if (in == null) {
                finished = true;
                return;
            }
            x = xml.createXMLStreamReader(in);
        }
        StringBuilder text = null;
        boolean inText = false;
        int phonetic = 0;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "si" -> text = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> inText = text != null && phonetic == 0;
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (inText && text.length() <= SheetRows.TextBudget.MAX_CELL) {
                    text.append(x.getTextCharacters(), x.getTextStart(), Math.min(x.getTextLength(),
                            SheetRows.TextBudget.MAX_CELL + 1 - text.length()));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (x.getLocalName()) {
                    case "t" -> inText = false;
                    case "rPh" -> phonetic--;
                    case "si" -> {
                        String s = decode(text.toString());
                        budget.spendStored(s.length());
                        read.add(s);
                        return;
                    }
                    default -> {
                    }
                }
            }
        }
        finished = true;
    }

    /** OOXML writes characters XML cannot hold as {@code _xHHHH_} (a line feed as {@code _x000D_}). */
    static String decode(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() {
        try {
            if (x != null) {
                x.close();
            }
            if (in != null) {
                in.close();
            }
        } catch (XMLStreamException | IOException e) {
            // read-only; nothing to keep
        }
    }
}
