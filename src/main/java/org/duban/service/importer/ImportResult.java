package org.duban.service.importer;

import org.duban.model.ImportRun;
import org.duban.model.Meeting;

/**
 * What an import did.
 *
 * @param meeting        the meeting the tasks went into
 * @param meetingCreated whether that meeting was created by this import
 * @param plan           the plan that was carried out (its rows say added, updated or unchanged)
 * @param run            the import as the ledger remembers it (its backup, its audit rows)
 * @param changeCount    the database's change count right after the import ({@code Database#changeCount}):
 *                       undoing it is safe while the count has not moved
 */
public record ImportResult(Meeting meeting, boolean meetingCreated, ImportPlan plan, ImportRun run, long changeCount) {
}
