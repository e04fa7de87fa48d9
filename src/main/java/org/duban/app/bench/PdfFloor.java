package org.duban.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The floor of the handout measure, run as its own process like {@code handouts}: PDFBox alone writes the same text
 * (one file per unit, then all of it again as the combined file) with the same bundled font embedded as a subset,
 * but with no layout: fixed lines of at most 80 characters, 40 lines to an A4 landscape page, no table, no
 * measuring of text.
 *
 * <p>Input: a UTF-8 file of units, each starting with a line {@code ### NAME}, then its text lines.
 */
public final class PdfFloor {
    private static final String FONT = "/assets/fonts/NotoSerifSC-Regular.ttf";

    private PdfFloor() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> units = read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        TrueTypeFont ttf;
        try (InputStream in = PdfFloor.class.getResourceAsStream(FONT)) {
            ttf = new TTFParser().parse(new RandomAccessReadBuffer(in)); // once, as the handouts do
        }
        List<String> all = new ArrayList<>();
        int i = 0;
        for (var e : units.entrySet()) {
            write(ttf, e.getValue(), out.resolve("unit-" + (i++) + ".pdf"));
            all.addAll(e.getValue());
        }
        write(ttf, all, out.resolve("combined.pdf"));
    }

    static Map<String, List<String>> read(Path file) throws IOException {
        Map<String, List<String>> units = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                current = units.computeIfAbsent(line.substring(4), k -> new ArrayList<>());
            } else if (current != null && !line.isBlank()) {
                for (int k = 0; k < line.length(); k += 80) {
                    current.add(line.substring(k, Math.min(line.length(), k + 80)));
                }
            }
        }
        return units;
    }

    private static void write(TrueTypeFont ttf, List<String> lines, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            for (int start = 0; start < lines.size(); start += 40) {
                PDPage page = new PDPage(a4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(40, a4.getHeight() - 40);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + 40))) {
                        cs.showText(line.replace('\t', ' '));
                        cs.newLineAtOffset(0, -13);
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
    }
}
