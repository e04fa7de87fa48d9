package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.duban.model.Meeting;
import org.duban.service.generate.LedgerGenerator;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;

/**
 * The batch (each unit's file written page by page as drawn, the combined book copying them, a unit read at a time:
 * issue 24) makes the PDFs that PDFBox makes of the same pages held whole: each unit's file as {@code writeUnit}
 * saves it, the combined book as {@code PdfHandoutWriter.write} saves the combined pages. Same page count, and on
 * every page the same content stream (decoded), the same page size and the same fonts under the same names (the
 * embedded subset, widths and character map byte for byte); the first and last page of every unit also rendered.
 * On a generated ledger, with two copies of one unit, each unit's tasks read in pieces of 7.
 */
class HandoutBatchSameOutputTest extends HandoutDbTest {
    @Test
    void theBatchWritesWhatPdfBoxWritesOfTheWholePages() throws IOException {
        db = TestDb.withRoster(dir);
        Meeting meeting = new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(150, 1200, 3,
                LocalDate.of(2026, 11, 29)), LedgerGenerator.Progress.NONE).meeting();
        HandoutService service = Wired.of(db).handouts();
        HandoutSettings settings = HandoutFixtures.BUNDLED.withSignOff(true);
        String twice = service.units(service.read(meeting)).get(1).unit().name();
        service.settings().setCopies(HandoutFixtures.unit(db, twice).id(), 2);

        LocalDate day = LocalDate.of(2026, 11, 29);

        // each unit's tasks read 7 at a time, for counting its pages and again for drawing them
        HandoutService.BatchResult batch = service.exportAll(service.readByUnit(meeting, day, 7), settings,
                dir.resolve("batch"), HandoutService.Progress.NONE);

        // before: every page held and saved by PDFBox, read with the whole meeting at once
        HandoutService.MeetingData whole = service.read(meeting, day);
        List<HandoutLayout> layouts = new ArrayList<>();
        List<Path> reference = new ArrayList<>();
        for (HandoutService.UnitHandout h : service.units(whole)) {
            HandoutLayout layout = HandoutService.layout(whole, h.unit(), settings);
            Path file = dir.resolve("whole").resolve(HandoutService.fileName(h.unit().name()));
            HandoutService.writeUnit(layout, file);
            layouts.add(layout);
            reference.add(file);
        }
        Path book = dir.resolve("whole").resolve(HandoutService.combinedFileName());
        PdfHandoutWriter.write(HandoutService.combine(layouts, name -> name.equals(twice) ? 2 : 1),
                HandoutText.tr("handout.doc.title", settings.city()), true, book);

        assertEquals(reference.size(), batch.unitFiles().size());
        int pages = 0;
        for (int u = 0; u < reference.size(); u++) {
            assertEquals(reference.get(u).getFileName(), batch.unitFiles().get(u).getFileName());
            pages += sameDocument(reference.get(u), batch.unitFiles().get(u), true);
        }
        assertEquals(pages, batch.pages());
        assertEquals(batch.combinedPages(), sameDocument(book, batch.combined(), false));
        assertTrue(batch.combinedPages() > pages, "a unit twice and blank backs: " + batch.combinedPages());
    }

    /** Compares two PDFs page by page; {@code render}: also the first and last page's pixels. Gives the pages. */
    private static int sameDocument(Path expected, Path actual, boolean render) throws IOException {
        try (PDDocument a = Loader.loadPDF(expected.toFile()); PDDocument b = Loader.loadPDF(actual.toFile())) {
            String name = actual.getFileName().toString();
            int n = a.getNumberOfPages();
            assertEquals(n, b.getNumberOfPages(), name + ": pages");
            for (int i = 0; i < n; i++) {
                PDPage pa = a.getPage(i);
                PDPage pb = b.getPage(i);
                String page = name + " page " + (i + 1);
                assertEquals(pa.getMediaBox().toString(), pb.getMediaBox().toString(), page);
                assertArrayEquals(content(pa), content(pb), page + ": content stream");
                assertEquals(fonts(pa), fonts(pb), page + ": fonts");
            }
            assertEquals(a.getDocumentInformation().getTitle(), b.getDocumentInformation().getTitle(), name);
            assertEquals(a.getDocumentCatalog().getLanguage(), b.getDocumentCatalog().getLanguage(), name);
            assertEquals(a.getDocumentCatalog().getViewerPreferences().getCOSObject().toString(),
                    b.getDocumentCatalog().getViewerPreferences().getCOSObject().toString(), name);
            if (render) {
                PDFRenderer ra = new PDFRenderer(a);
                PDFRenderer rb = new PDFRenderer(b);
                for (int i : new int[] {0, n - 1}) {
                    var ia = ra.renderImageWithDPI(i, 30);
                    var ib = rb.renderImageWithDPI(i, 30);
                    assertArrayEquals(ia.getRGB(0, 0, ia.getWidth(), ia.getHeight(), null, 0, ia.getWidth()),
                            ib.getRGB(0, 0, ib.getWidth(), ib.getHeight(), null, 0, ib.getWidth()),
                            name + " page " + (i + 1) + ": pixels");
                }
            }
            return n;
        }
    }

    private static byte[] content(PDPage p) throws IOException {
        try (InputStream in = p.getContents()) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    /** Each font resource in order: its name, the embedded subset's bytes, widths and character map. */
    private static Map<String, String> fonts(PDPage p) throws IOException {
        Map<String, String> fonts = new LinkedHashMap<>();
        PDResources r = p.getResources();
        if (r == null) {
            return fonts;
        }
        for (COSName n : r.getFontNames()) {
            PDFont f = r.getFont(n);
            StringBuilder sb = new StringBuilder(f.getName());
            if (f instanceof PDType0Font t) {
                var cid = t.getDescendantFont().getCOSObject();
                sb.append(' ').append(java.util.Arrays.hashCode(
                        t.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray()));
                sb.append(' ').append(cid.getDictionaryObject(COSName.W));
                try (InputStream in = t.getCOSObject().getCOSStream(COSName.TO_UNICODE).createInputStream()) {
                    sb.append(' ').append(java.util.Arrays.hashCode(in.readAllBytes()));
                }
            }
            fonts.put(n.getName(), sb.toString());
        }
        return fonts;
    }
}
