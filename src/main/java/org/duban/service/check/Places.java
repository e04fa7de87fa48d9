package org.duban.service.check;

import org.duban.i18n.Messages;
import org.duban.persistence.TrackingConsistencyRepository.Place;

/** How a finding names the assignment it is about: "会议 1 序号 12（蕉城区）", in the language of the report.
 * Records that belong to no task (an inspection) have no place: callers word those findings without one. */
final class Places {
    private Places() {
    }

    /** An argument of a finding that reads as the place when the finding is shown. */
    static Object of(Place p) {
        return new Text(p);
    }

    private record Text(Place p) {
        @Override
        public String toString() {
            return p.unit().isEmpty() ? Messages.tr("check.place.task", p.meetingId(), p.seq())
                    : Messages.tr("check.place.assignment", p.meetingId(), p.seq(), p.unit());
        }
    }
}
