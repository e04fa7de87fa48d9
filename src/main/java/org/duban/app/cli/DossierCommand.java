package org.duban.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.dossier.DossierService;
import org.duban.service.handout.FontPreference;
import org.duban.service.units.UnitResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dossier --task SEQ [--meeting ID] [--unit NAME] --out DIR} and {@code dossier --closed --meeting ID --out DIR}:
 * 一案一档, a task's dossier PDF with its evidence originals; or those of every closed task of a meeting. Reads only.
 */
@Command(name = "dossier", mixinStandardHelpOptions = true)
final class DossierCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--task", paramLabel = "SEQ", descriptionKey = "dossier.task")
    Integer seq;

    @Option(names = "--closed", descriptionKey = "dossier.closed")
    boolean closed;

    @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "dossier.meeting")
    Long meetingId;

    @Option(names = "--unit", paramLabel = "NAME", descriptionKey = "dossier.unit")
    String unit;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "dossier.out")
    Path out;

    @Override
    public Integer call() {
        if ((seq == null) == !closed) {
            throw new LocalizedException("cli.dossier.taskOrClosed");
        }
        try (Database db = parent.openForReading()) {
            Services services = parent.services(db);
            Meeting meeting = CliMeetings.resolve(services.meetings(), meetingId);
            DossierService dossiers = services.dossiers();
            PrintWriter pw = parent.out();
            if (closed) {
                List<DossierService.Result> all = dossiers.writeClosed(meeting.id(), out, FontPreference.OFFICE);
                pw.println(Messages.tr("cli.dossier.closedDone", all.size(), out.toAbsolutePath()));
            } else {
                Task t = dossiers.task(meeting.id(), seq)
                        .orElseThrow(() -> new LocalizedException("dossier.error.noTask", seq));
                Long unitId = null;
                if (unit != null) {
                    Unit u = new UnitResolver(services.repositories().units().findAll()).resolve(unit)
                            .orElseThrow(() -> new LocalizedException("cli.error.unknownUnit", unit));
                    unitId = u.id();
                }
                DossierService.Result r = dossiers.write(t.id(), unitId, out, FontPreference.OFFICE);
                pw.println(Messages.tr("cli.dossier.done", t.seq(), r.pdf().toAbsolutePath(), r.files().size(),
                        r.evidenceFolder().toAbsolutePath()));
            }
            pw.flush();
        }
        return 0;
    }
}
