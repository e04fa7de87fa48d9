package org.duban.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OpenDocument spreadsheets (.ods) written the way LibreOffice Calc saves them: the mimetype entry first and stored,
 * a manifest, and content.xml with table:table / table:table-row / table:table-cell, paragraphs as text:p, merged
 * cells as number-columns-spanned with covered cells, repeated cells and LibreOffice's trailing run of 1,048,000
 * empty rows written as one element.
 *
 * <p>A cell is given as text: "\n" separates paragraphs; {@link #SPAN} in front spans the cell across the row;
 * {@link #DATE} in front ("@2026-06-30") writes a date cell showing 2026年6月30日.
 */
public final class OdsLists {
    public static final String SPAN = "§";
    public static final String DATE = "@";

    private OdsLists() {
    }

    public static Path write(Path file, String sheetName, int width, List<List<String>> rows) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content ")
                .append("xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" ")
                .append("xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" ")
                .append("xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">")
                .append("<office:body><office:spreadsheet><table:table table:name=\"").append(esc(sheetName))
                .append("\"><table:table-column table:number-columns-repeated=\"").append(width).append("\"/>");
        for (List<String> row : rows) {
            x.append("<table:table-row>");
            if (row.size() == 1 && row.get(0).startsWith(SPAN)) {
                x.append("<table:table-cell office:value-type=\"string\" table:number-columns-spanned=\"").append(width)
                        .append("\" table:number-rows-spanned=\"1\">").append(paragraphs(row.get(0).substring(1)))
                        .append("</table:table-cell><table:covered-table-cell table:number-columns-repeated=\"")
                        .append(width - 1).append("\"/>");
            } else {
                for (String cell : row) {
                    if (cell.isEmpty()) {
                        x.append("<table:table-cell/>");
                    } else if (cell.startsWith(DATE)) {
                        String iso = cell.substring(1);
                        String[] p = iso.split("-");
                        x.append("<table:table-cell office:value-type=\"date\" office:date-value=\"").append(iso)
                                .append("\"><text:p>").append(p[0]).append("年").append(Integer.parseInt(p[1]))
                                .append("月").append(Integer.parseInt(p[2])).append("日</text:p></table:table-cell>");
                    } else {
                        x.append("<table:table-cell office:value-type=\"string\">").append(paragraphs(cell))
                                .append("</table:table-cell>");
                    }
                }
                x.append("<table:table-cell table:number-columns-repeated=\"1016\"/>");
            }
            x.append("</table:table-row>");
        }
        x.append("<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell ")
                .append("table:number-columns-repeated=\"1024\"/></table:table-row>");
        x.append("</table:table></office:spreadsheet></office:body></office:document-content>");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mime = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mime);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                    + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" "
                    + "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(x.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String paragraphs(String text) {
        StringBuilder b = new StringBuilder();
        for (String p : text.split("\n", -1)) {
            b.append("<text:p>").append(esc(p).replace("  ", " <text:s/>")).append("</text:p>");
        }
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
