package org.duban.service.bulletin;

import java.time.LocalDate;
import java.util.List;

/**
 * The optional 考评排名 section of a bulletin, as plain figures: the units ranked by their score over a period, with
 * the rule set in force on the bulletin's day. It is computed one level up (the score service reads the bulletins,
 * so the bulletin cannot call it) and handed to the bulletin with {@link Bulletin#withScores}.
 *
 * @param ruleSet the name of the rule set in force on {@code asOf}
 */
public record ScoreSection(LocalDate from, LocalDate asOf, String ruleSet, List<Row> rows) {
    public ScoreSection {
        rows = List.copyOf(rows);
    }

    /**
     * One unit's line.
     *
     * @param added    points added, as printed ("6")
     * @param deducted points deducted, as printed ("2.5")
     * @param total    the score after the caps, as printed ("103.5")
     */
    public record Row(int rank, String unit, String added, String deducted, String total) {
    }
}
