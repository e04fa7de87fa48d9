package org.duban.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The figures of a bulletin that went out, kept so that the next one can show how each unit's rank moved.
 *
 * @param meetingId the meeting whose tasks it counted, or null for every meeting
 */
public record IssuedBulletin(long id, Long meetingId, LocalDate asOf, Instant issuedAt, BulletinTotals totals,
                             List<BulletinUnitLine> units) {
    public IssuedBulletin {
        units = List.copyOf(units);
    }

    public Optional<BulletinUnitLine> line(long unitId) {
        return units.stream().filter(u -> u.unitId() == unitId).findFirst();
    }
}
