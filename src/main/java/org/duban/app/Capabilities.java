package org.duban.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.duban.i18n.Messages;
import org.duban.model.BackupReason;
import org.duban.model.ReportingCycle;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.MeetingRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.backup.BackupService;
import org.duban.service.importer.ImportHooks;
import org.duban.service.returns.ProgressSink;
import org.duban.service.tracking.ProgressService;
import org.duban.service.tracking.SupervisionService;

/**
 * Where capabilities that arrive on other branches plug into import and returns, for the window and the
 * command line alike. Wire them here, once:
 * <ul>
 *   <li>backups: a copy of the ledger before every import ({@link ImportHooks#beforeImport});</li>
 *   <li>tracking: a task whose 备注 says 挂牌督办 is put under supervision ({@link ImportHooks#supervision}), and
 *       checked return-form rows become progress reports ({@link ProgressSink}), both audited.</li>
 * </ul>
 */
public final class Capabilities {
    private Capabilities() {
    }

    /** Hooks run by every task import (not by a dry run, which writes nothing). */
    public static ImportHooks importHooks(Database db) {
        SupervisionService supervision = new SupervisionService(new AuditLog(db, Clock.systemDefaultZone()));
        MeetingRepository meetings = new MeetingRepository(db);
        return new ImportHooks() {
            @Override
            public Path beforeImport(Path file) {
                return new BackupService(db).backupBefore(BackupReason.IMPORT).file();
            }

            /**
             * Flags a task marked 挂牌督办 from the day of its meeting, monthly, with the leader still to be named
             * (the list does not say who supervises). A task already supervised, or no longer marked, is left as
             * it is: supervision is ended in the program, not by a spreadsheet.
             */
            @Override
            public void supervision(Task task, boolean supervised) {
                if (!supervised || supervision.of(task.id()).isPresent()) {
                    return;
                }
                var since = meetings.findById(task.meetingId()).map(m -> m.heldOn())
                        .orElse(java.time.LocalDate.now());
                supervision.supervise(task.id(), Messages.tr("supervision.fromImport.leader"), since,
                        ReportingCycle.MONTHLY, Messages.tr("supervision.fromImport.note"));
            }
        };
    }

    /** Where return-form rows become progress reports (each checked like one typed in the detail view). */
    public static Optional<ProgressSink> progressSink(Database db) {
        ProgressService progress = new ProgressService(new AuditLog(db, Clock.systemDefaultZone()));
        return Optional.of(e -> progress.addReport(e.assignmentId(), new ProgressService.ReportInput(e.reportedOn(),
                String.valueOf(e.percent()), e.progress(), e.reporter()), List.of()));
    }
}
