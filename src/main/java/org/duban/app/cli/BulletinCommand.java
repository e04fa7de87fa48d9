package org.duban.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.score.ScoredBulletins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bulletin --as-of DATE --out FILE.pdf|.docx [--meeting ID] [--draft] [--with-score]}: the 通报 as of a day,
 * headless, with the 考评排名 section when {@code --with-score} is given or the bulletin settings ask for it. It is
 * recorded as issued (its figures are kept, so the next bulletin shows how the ranking moved) unless
 * {@code --draft} is given; a draft carries no issue number. A day before a bulletin already issued can only be a
 * draft.
 */
@Command(name = "bulletin", mixinStandardHelpOptions = true)
final class BulletinCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--as-of", paramLabel = "DATE", required = true, descriptionKey = "bulletin.asOf",
            converter = StatsCommand.DateConverter.class)
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "bulletin.out")
    Path out;

    @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "bulletin.meeting")
    Long meetingId;

    @Option(names = "--draft", descriptionKey = "bulletin.draft")
    boolean draft;

    @Option(names = "--with-score", descriptionKey = "bulletin.withScore")
    boolean withScore;

    @Override
    public Integer call() {
        QuickCompiler.request(); // a run of seconds: C2 would cost more than it saves (see QuickCompiler)
        BulletinService.Format.of(out); // a wrong extension is said before anything is opened
        HandoutFonts.preload(FontPreference.OFFICE);
        try (Database db = draft ? parent.openForReading() : parent.openDatabase()) {
            Services services = parent.services(db);
            if (meetingId != null && services.meetings().find(meetingId).isEmpty()) {
                throw new LocalizedException("cli.error.noMeeting", meetingId);
            }
            ScoredBulletins scored = services.scoredBulletins();
            BulletinService service = scored.bulletins();
            Bulletin b = scored.prepare(meetingId, asOf, draft, withScore);
            if (!draft) {
                service.checkIssuable(b); // before any file is written
            }
            BulletinService.write(b, out, service.fonts());
            if (!draft) {
                service.issue(b);
            }
            String previous = b.previous() == null ? Messages.tr("cli.bulletin.noPrevious")
                    : Messages.tr("cli.bulletin.previous", b.previous().asOf().toString());
            parent.out().println(draft ? Messages.tr("cli.bulletin.draftDone", asOf.toString(), out.toAbsolutePath(),
                    previous) : Messages.tr("cli.bulletin.done", b.number(), asOf.toString(), out.toAbsolutePath(),
                    previous));
            parent.out().flush();
        }
        return 0;
    }
}
