package org.duban.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.handout.PageOrientation;
import org.duban.service.units.UnitResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code handouts --out DIR [--unit NAME] [--meeting ID] [--orientation landscape|portrait]}: the task list
 * PDFs, headless. Without {@code --unit}: one PDF per unit with tasks plus the combined file.
 */
@Command(name = "handouts", mixinStandardHelpOptions = true)
final class HandoutsCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "handouts.out")
    Path out;

    @Option(names = "--unit", paramLabel = "NAME", descriptionKey = "handouts.unit")
    String unit;

    @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "handouts.meeting")
    Long meetingId;

    @Option(names = "--orientation", paramLabel = "landscape|portrait", descriptionKey = "handouts.orientation")
    PageOrientation orientation;

    @Override
    public Integer call() {
        QuickCompiler.request(); // a run of seconds: C2 would cost more than it saves
        HandoutFonts.preload(FontPreference.OFFICE); // the default; the bundled faces are shared either way
        try (Database db = parent.openForReading()) { // reads only: works while the window has the ledger open
            db.limitPageCache(2048); // each unit's rows are read once: no 32 MB of cached pages (issue 24)
            Services services = parent.services(db);
            Meeting meeting = CliMeetings.resolve(services.meetings(), meetingId);
            HandoutService handouts = services.handouts();
            HandoutSettings settings = handouts.settings().load();
            if (orientation != null) {
                settings = settings.withOrientation(orientation);
            }
            HandoutService.MeetingData data = handouts.readByUnit(meeting); // a unit at a time
            PrintWriter pw = parent.out();
            if (unit != null) {
                Unit u = new UnitResolver(data.roster()).resolve(unit)
                        .orElseThrow(() -> new LocalizedException("cli.error.unknownUnit", unit));
                HandoutService.UnitResult r = handouts.exportUnit(data, u, settings, out);
                pw.println(Messages.tr("cli.handouts.unitDone", u.name(), r.tasks(), r.pages(),
                        r.file().toAbsolutePath()));
            } else {
                HandoutService.BatchResult r = handouts.exportAll(data, settings, out, HandoutService.Progress.NONE);
                pw.println(Messages.tr("cli.handouts.batchDone", r.units(), r.pages(), out.toAbsolutePath()));
                pw.println(Messages.tr("cli.handouts.combinedDone", r.combinedPages(), r.combined().toAbsolutePath()));
            }
            pw.flush();
        }
        return 0;
    }
}
