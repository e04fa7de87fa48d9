package org.duban.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Malformed spreadsheet files, each made from a real one where that is the point. */
public final class BadSheets {
    private BadSheets() {
    }

    /** A real workbook whose sheet XML is padded with 30 MB of spaces: it zips to almost nothing. */
    public static Path zipBomb(Path file) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("序号");
            wb.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int afterDecl = xml.indexOf("?>") + 2;
                    zip.write(xml.substring(0, afterDecl).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 30; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(afterDecl).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first half of a real task list, as a broken download or e-mail leaves it. */
    public static Path truncated(Path file) throws IOException {
        Path good = OfficeLists.xlsx(file.resolveSibling("whole-" + file.getFileName()));
        byte[] all = Files.readAllBytes(good);
        return Files.write(file, Arrays.copyOf(all, all.length / 2));
    }

    /** A list with a heading and {@code rows} task rows, written in streaming mode (it is large). */
    public static Path manyRows(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("任务清单");
            Row h = s.createRow(0);
            for (int c = 0; c < Workbooks.HEADER.size(); c++) {
                h.createCell(c).setCellValue(Workbooks.HEADER.get(c));
            }
            for (int r = 1; r <= rows; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue("问题 " + r);
                row.createCell(2).setCellValue("蕉城区");
                row.createCell(3).setCellValue("2026年底前");
            }
            wb.write(out);
            wb.dispose();
        }
        return file;
    }

    /** A small list with one stray cell in the sheet's last row (1,048,576), which makes the sheet that tall. */
    public static Path strayCellAtTheBottom(Path file) {
        return Workbooks.write(file, false, wb -> Workbooks.sheet(wb, "任务清单",
                java.util.List.of(Workbooks.row(1, "问题", "蕉城区", "2026年底前")))
                .createRow(1_048_575).createCell(0).setCellValue("x"));
    }

    /** A list whose heading row is {@code columns} wide. */
    public static Path wide(Path file, int columns) {
        return Workbooks.write(file, false, wb -> {
            Row h = Workbooks.sheet(wb, "任务清单", java.util.List.of()).getRow(0);
            for (int c = Workbooks.HEADER.size(); c < columns; c++) {
                h.createCell(c).setCellValue("附加列" + c);
            }
        });
    }

    /** A real task list with an opening password (what "加密文档" in Excel or WPS makes). */
    public static Path encrypted(Path file) throws Exception {
        Path plain = OfficeLists.xlsx(file.resolveSibling("plain-" + file.getFileName()));
        Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        enc.confirmPassword("mima2026");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
                 OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** A Word document given an .xlsx name (a valid Office file, but no workbook in it). */
    public static Path wordDocument(Path file) throws IOException {
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            d.createParagraph().createRun().setText("关于印发任务清单的通知");
            d.write(out);
        }
        return file;
    }

    /** An OLE2 file with a WordDocument stream, as Word 97–2003 (.doc) and WPS 文字 (.wps) write. */
    public static Path wordBinary(Path file) throws IOException {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
             OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
        }
        return file;
    }

    /** What many web systems "export to Excel": an HTML table with an .xls name. */
    public static Path htmlTable(Path file) throws IOException {
        return Files.writeString(file, "<html><head><meta charset=\"utf-8\"></head><body><table>"
                + "<tr><td>序号</td><td>问题</td><td>责任单位</td><td>完成时限</td></tr>"
                + "<tr><td>1</td><td>河道垃圾</td><td>蕉城区</td><td>2026年底前</td></tr></table></body></html>");
    }

    /** The start of a PDF, saved with an .xlsx name. */
    public static Path pdf(Path file) throws IOException {
        return Files.writeString(file, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    }

    /** A binary file (bytes with NULs) with a .csv name. */
    public static Path binaryCsv(Path file) throws IOException {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        return Files.write(file, b);
    }

    /** A CSV pasted together from a UTF-8 file and a GBK one. */
    public static Path mixedEncodings(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("序号,问题,责任单位,完成时限\r\n1,河道垃圾清理,蕉城区,2026年底前\r\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("2,入河排污口整治,福安市,2026年底前\r\n3,扬尘管控,霞浦县,2026年底前\r\n"
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        return Files.write(file, bytes.toByteArray());
    }

    /** A GBK CSV with a line of bytes that are no text in any encoding the program reads. */
    public static Path undecodable(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("序号,问题,责任单位,完成时限\r\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        bytes.write(new byte[] {'1', ',', (byte) 0x81, (byte) 0x20, (byte) 0xFF, ',', 'x', ',', 'y', '\r', '\n'});
        return Files.write(file, bytes.toByteArray());
    }
}
