package org.duban.service.tracking;

import java.time.LocalDate;
import org.duban.i18n.LocalizedException;

/** Input checks shared by the tracking services; each failure says in plain words what to fix. */
final class Checks {
    /** Same limit as task fields: longer text is almost always a paste gone wrong. */
    static final int MAX_TEXT = 5000;

    private Checks() {
    }

    /** A date that is given and not after today. */
    static LocalDate pastOrToday(LocalDate day, LocalDate today, String labelKey) {
        if (day == null) {
            throw new LocalizedException("tracking.error.dateRequired", org.duban.i18n.Messages.tr(labelKey));
        }
        if (day.isAfter(today)) {
            throw new LocalizedException("tracking.error.future", org.duban.i18n.Messages.tr(labelKey), day, today);
        }
        return day;
    }

    /** Text that is given and not too long; returns it stripped. */
    static String text(String value, String labelKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new LocalizedException("tracking.error.required", org.duban.i18n.Messages.tr(labelKey));
        }
        if (v.length() > MAX_TEXT) {
            throw new LocalizedException("tracking.error.tooLong", org.duban.i18n.Messages.tr(labelKey),
                    v.length(), MAX_TEXT);
        }
        return v;
    }

    /**
     * The share to change: it must exist and not be withdrawn (a withdrawn share's records are kept as they stand;
     * restore it in the task's detail to work on it again).
     */
    static org.duban.model.Assignment active(org.duban.persistence.TaskRepository tasks, long assignmentId) {
        org.duban.model.Assignment a = tasks.findAssignment(assignmentId)
                .orElseThrow(() -> new org.duban.persistence.PersistenceException("tracking.error.assignmentGone"));
        if (tasks.isWithdrawn(assignmentId)) {
            throw new LocalizedException("tracking.error.withdrawn");
        }
        return a;
    }

    static String optional(String value) {
        return value == null ? "" : value.strip();
    }
}
