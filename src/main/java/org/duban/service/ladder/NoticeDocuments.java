package org.duban.service.ladder;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.duban.i18n.LocalizedException;
import org.duban.model.Notice;
import org.duban.model.Unit;
import org.duban.persistence.UnitRepository;
import org.duban.service.bulletin.BulletinDocument;
import org.duban.service.bulletin.BulletinDocxWriter;
import org.duban.service.bulletin.BulletinPdfWriter;
import org.duban.service.bulletin.BulletinSettings;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.handout.HandoutSettingsStore;

/** Writes notices as PDF or .docx with the bulletin's writers (公文 layout, fonts embedded), with the ledger's issuer. */
public final class NoticeDocuments {
    private final UnitRepository units;
    private final NoticeService service;
    private final String issuer;
    private final BulletinPdfWriter pdf;

    NoticeDocuments(UnitRepository units, NoticeService service, BulletinSettings bulletinSettings,
                    HandoutSettingsStore handoutSettings) {
        this.units = units;
        this.service = service;
        HandoutSettings handout = handoutSettings.load();
        this.issuer = BulletinSettings.issuer(bulletinSettings.load(), handout.city());
        this.pdf = new BulletinPdfWriter(HandoutFonts.of(handout.fonts()));
    }

    public String issuer() {
        return issuer;
    }

    /** The notice as a document, addressed to its unit as named today. */
    public BulletinDocument document(Notice n) {
        String unit = units.findById(n.unitId()).map(Unit::name).orElse("?");
        return NoticeText.document(n, unit, issuer, service.previousChase(n));
    }

    /** Writes a document as PDF or .docx by the file's extension; returns the file. */
    public Path write(BulletinDocument doc, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            pdf.write(doc, file);
        } else if (name.endsWith(".docx")) {
            BulletinDocxWriter.write(doc, file);
        } else {
            throw new LocalizedException("bulletin.error.format", file.getFileName());
        }
        return file;
    }

    /** Writes a notice as PDF or .docx by the file's extension. */
    public Path write(Notice n, Path file) {
        return write(document(n), file);
    }

    /** One PDF of several notices, each starting on a front side. */
    public void writeCombined(List<BulletinDocument> docs, String title, Path file) {
        pdf.writeCombined(docs, title, file);
    }
}
