package org.duban.ui.tasks.detail;

import org.duban.service.audit.AuditLog;
import org.duban.service.tracking.CloseOutService;
import org.duban.service.tracking.EvidenceService;
import org.duban.service.tracking.ProgressService;
import org.duban.service.tracking.SupervisionService;
import org.duban.service.tracking.TrackingService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/** What the task detail view works with: the tracking services over one database, the runner and dialogs. */
public record DetailServices(TrackingService tracking, ProgressService progress, CloseOutService closeOuts,
                             EvidenceService evidence, SupervisionService supervision, TaskRunner runner,
                             DialogService dialogs) {

    public static DetailServices of(AuditLog audit, TaskRunner runner, DialogService dialogs) {
        return new DetailServices(new TrackingService(audit), new ProgressService(audit), new CloseOutService(audit),
                new EvidenceService(audit), new SupervisionService(audit), runner, dialogs);
    }
}
