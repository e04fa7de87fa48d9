package org.duban.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.pack.MeetingPackService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code meeting-pack --meeting ID --out DIR}: a meeting's pack (handouts, combined PDF, bulletin as PDF and Word,
 * charts as PNG, ledger) in a folder {@code DIR/2026-11-29 推进会/}. The bulletin is recorded as issued.
 */
@Command(name = "meeting-pack", mixinStandardHelpOptions = true)
final class MeetingPackCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--meeting", paramLabel = "ID", required = true, descriptionKey = "pack.meeting")
    long meetingId;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "pack.out")
    Path out;

    @Override
    public Integer call() {
        QuickCompiler.request(); // a run of seconds: C2 would cost more than it saves (see QuickCompiler)
        HandoutFonts.preload(FontPreference.OFFICE);
        try (Database db = parent.openDatabase()) {
            db.limitPageCache(2048); // the pack reads the ledger about once: no 32 MB of cached pages (issue 24)
            Services services = parent.services(db);
            Meeting m = CliMeetings.resolve(services.meetings(), meetingId);
            MeetingPackService.Result r = services.meetingPacks().write(m.id(), out, MeetingPackService.Progress.NONE);
            parent.out().println(Messages.tr("cli.pack.done", m.title(), r.asOf().toString(), r.files().size(),
                    r.units(), r.folder().toAbsolutePath()));
            parent.out().flush();
        }
        return 0;
    }
}
