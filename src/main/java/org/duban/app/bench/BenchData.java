package org.duban.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.generate.LedgerGenerator;
import org.duban.service.handout.ColumnSpec;
import org.duban.service.handout.HandoutContent;
import org.duban.service.handout.HandoutEntry;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutSettings;

/**
 * The files a bench run works on, made fresh in its folder: the main ledger and its import file, an empty ledger
 * with the roster (each import run starts from a copy), the handout ledger, the handout text for the PDF floor, and
 * the handout ledger as .xlsx for LibreOffice's floor.
 */
record BenchData(Path main, long mainMeeting, Path xlsx, Path rosterOnly, Path handouts, Path handoutText,
                 Path handoutsXlsx, LocalDate today) {

    static BenchData prepare(BenchConfig c, java.util.function.Consumer<String> log) throws IOException {
        Files.createDirectories(c.dir());
        LocalDate today = LocalDate.now(Services.systemClock());
        Path main = fresh(c.dir().resolve("main.db"));
        Path xlsx = c.dir().resolve("main.xlsx");
        Files.deleteIfExists(xlsx);
        long meeting;
        log.accept("generate " + c.tasks() + " tasks, " + c.reports() + " reports → " + main);
        try (Database db = Database.open(main)) {
            Services services = Services.over(db);
            Meeting m = new LedgerGenerator(services).generate(new LedgerGenerator.Options(c.tasks(), c.reports(),
                    c.seed(), today), LedgerGenerator.Progress.NONE).meeting();
            meeting = m.id();
            services.ledgerExporter().export(m, xlsx);
        }
        Path roster = fresh(c.dir().resolve("roster.db"));
        try (Database db = Database.open(roster)) {
            Services.over(db).roster().ensureDefaultRoster();
        }
        Path handouts = fresh(c.dir().resolve("handouts.db"));
        Path text = c.dir().resolve("handouts.txt");
        Path handoutsXlsx = c.dir().resolve("handouts-ledger.xlsx"); // LibreOffice's floor converts it to a PDF
        Files.deleteIfExists(handoutsXlsx);
        log.accept("generate " + c.handoutTasks() + " tasks → " + handouts);
        try (Database db = Database.open(handouts)) {
            Meeting m = new LedgerGenerator(Services.over(db)).generate(new LedgerGenerator.Options(c.handoutTasks(),
                    c.handoutTasks() * 10, c.seed() + 1, today), LedgerGenerator.Progress.NONE).meeting();
            Files.writeString(text, handoutText(db, m), StandardCharsets.UTF_8);
            Services.over(db).ledgerExporter().export(m, handoutsXlsx);
        }
        return new BenchData(main, meeting, xlsx, roster, handouts, text, handoutsXlsx, today);
    }

    /** Every unit's handout as plain lines: what the handouts print, before any layout. */
    private static String handoutText(Database db, Meeting m) {
        HandoutService service = Services.over(db).handouts();
        HandoutSettings settings = service.settings().load();
        HandoutService.MeetingData data = service.read(m);
        StringBuilder sb = new StringBuilder();
        for (HandoutService.UnitHandout h : service.units(data)) {
            Unit u = h.unit();
            HandoutContent content = HandoutService.content(data, u, settings);
            sb.append("### ").append(u.name()).append('\n').append(content.title()).append('\n')
                    .append(content.unitLine()).append('\n').append(content.meetingLine()).append('\n');
            for (HandoutContent.Section s : content.sections()) {
                sb.append(s.heading()).append('\n');
                for (HandoutEntry e : s.entries()) {
                    List<String> cells = new ArrayList<>();
                    for (ColumnSpec col : settings.columns()) {
                        cells.add(col.column().text(e).replace('\n', ' '));
                    }
                    cells.forEach(t -> sb.append(t).append('\n'));
                }
            }
        }
        return sb.toString();
    }

    /** Deletes a ledger left by an earlier run, with its lock, journal and backups. */
    static Path fresh(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", ".lock"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        return db;
    }
}
