package org.duban.ui.tasks.detail;

import org.duban.service.Services;
import org.duban.service.dossier.DossierService;
import org.duban.service.ladder.DeskService;
import org.duban.service.ladder.InterviewService;
import org.duban.service.tasks.TaskService;
import org.duban.service.tracking.CloseOutService;
import org.duban.service.tracking.EvidenceService;
import org.duban.service.tracking.ProgressService;
import org.duban.service.tracking.SupervisionService;
import org.duban.service.tracking.TrackingService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;

/**
 * What the task detail view works with: the tracking services over one database, the runner and dialogs, and
 * whether the ledger may be changed (read-only: the forms that add reports, milestones, close-outs, evidence and
 * 挂牌督办 are switched off). {@code tasks} restores a withdrawn share; {@code dossiers} writes 导出案卷; {@code desk} and {@code interviews} are the 督办 tab's notices, 约谈 and suggestions.
 */
public record DetailServices(TrackingService tracking, ProgressService progress, CloseOutService closeOuts,
                             EvidenceService evidence, SupervisionService supervision, TaskService tasks,
                             DossierService dossiers, TaskRunner runner, DialogService dialogs, LedgerAccess access,
                             DeskService desk, InterviewService interviews) {

    /** On a ledger this window may change. */
    public static DetailServices of(Services services, TaskRunner runner, DialogService dialogs) {
        return of(services, runner, dialogs, LedgerAccess.writable());
    }

    public static DetailServices of(Services s, TaskRunner runner, DialogService dialogs, LedgerAccess access) {
        return new DetailServices(s.tracking(), s.progress(), s.closeOuts(), s.evidence(), s.supervision(), s.tasks(),
                s.dossiers(), runner, dialogs, access, s.desk(), s.interviews());
    }
}
