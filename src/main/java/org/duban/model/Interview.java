package org.duban.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 约谈: a leader talks with a lagging unit's heads; the last rung of the ladder before accountability.
 *
 * @param number      the 约谈通知's 文号 (numbered per year in the TALK series)
 * @param followUpDue the day the unit must report its follow-up by, or null
 */
public record Interview(long id, long unitId, LocalDate heldOn, String leader, String attendees, String minutes,
                        LocalDate followUpDue, String number, Instant createdAt) {
    public Interview {
        attendees = attendees == null ? "" : attendees.strip();
        minutes = minutes == null ? "" : minutes.strip();
    }
}
