package org.duban.service.score;

import java.math.BigDecimal;
import java.util.List;
import org.duban.model.Unit;

/**
 * A unit's score over a period: the base, every event with its points, and the total after the caps.
 *
 * @param capped true when a cap (扣分上限, 最高分, 最低分) changed the sum
 */
public record UnitScore(Unit unit, int rank, BigDecimal base, List<ScoreEvent> events, BigDecimal added,
                        BigDecimal deducted, BigDecimal total, boolean capped) {
    public UnitScore {
        events = List.copyOf(events);
    }

    UnitScore withRank(int r) {
        return new UnitScore(unit, r, base, events, added, deducted, total, capped);
    }
}
