package org.duban.service.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.duban.i18n.LocalizedException;

/**
 * The small parts of an .xlsx that the streaming reader needs before the sheets: the workbook's list of sheets
 * (name, hidden or not, where its XML is) and its date system, and the cell styles (number formats).
 *
 * @param sheets    in the workbook's order
 * @param date1904  dates count from 1904 (old Mac workbooks) rather than 1900
 */
record WorkbookParts(List<SheetRef> sheets, boolean date1904) {
    /** Styles are a few kilobytes; more than this is no office's workbook (and POI would hold it all in memory). */
    static final int MAX_STYLES_BYTES = 16 * 1024 * 1024;

    /** A sheet as the workbook lists it. */
    record SheetRef(String name, boolean hidden, String relationId) {
    }

    static WorkbookParts read(XMLInputFactory xml, InputStream workbook) throws XMLStreamException {
        List<SheetRef> sheets = new ArrayList<>();
        boolean date1904 = false;
        XMLStreamReader x = xml.createXMLStreamReader(workbook);
        try {
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(x.getLocalName())) {
                    String v = x.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                } else if ("sheet".equals(x.getLocalName())) {
                    String state = x.getAttributeValue(null, "state");
                    String id = null;
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        if ("id".equals(x.getAttributeLocalName(i)) && x.getAttributeNamespace(i) != null) {
                            id = x.getAttributeValue(i);
                        }
                    }
                    sheets.add(new SheetRef(String.valueOf(x.getAttributeValue(null, "name")),
                            "hidden".equals(state) || "veryHidden".equals(state), id));
                }
            }
        } finally {
            x.close();
        }
        return new WorkbookParts(sheets, date1904);
    }

    /** The cell styles, or null when the workbook has none (every cell is then General). */
    static StylesTable styles(XSSFReader reader, String fileName) throws IOException {
        InputStream in;
        try {
            in = reader.getStylesData();
        } catch (InvalidFormatException | RuntimeException e) {
            return null;
        }
        if (in == null) {
            return null;
        }
        try (in) {
            byte[] bytes = in.readNBytes(MAX_STYLES_BYTES + 1);
            if (bytes.length > MAX_STYLES_BYTES) {
                throw new LocalizedException("excel.error.suspicious", fileName);
            }
            return new StylesTable(new ByteArrayInputStream(bytes));
        }
    }
}
