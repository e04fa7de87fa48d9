package org.duban.service.importer;

import org.duban.model.Meeting;

/**
 * What an import did.
 *
 * @param meeting        the meeting the tasks went into
 * @param meetingCreated whether that meeting was created by this import
 * @param plan           the plan that was carried out (its rows say added, updated or unchanged)
 */
public record ImportResult(Meeting meeting, boolean meetingCreated, ImportPlan plan) {
}
