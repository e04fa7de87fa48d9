package org.duban.model;

import java.util.Objects;

/**
 * A problem found on an inspection. It can become a task of its own, or be linked to the task it concerns.
 *
 * @param unitId the unit concerned, or null
 * @param taskId the task it became or concerns, or null while it is still open
 */
public record InspectionFinding(long id, long inspectionId, Long unitId, String text, Long taskId) {
    public InspectionFinding {
        Objects.requireNonNull(text, "text");
    }
}
