package org.duban.service.score;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One event a unit's score counts, with the points the rule set in force on its day gives it.
 *
 * @param rule        which rule scores it
 * @param day         the day it happened (completed, month end, notice issued, bulletin day, the score's day)
 * @param taskId      the task, or null (a notice, a bulletin)
 * @param seq         the task's 序号, or null
 * @param points      the points it gives (0 when the rule set does not score it)
 * @param rulesFrom   the day from which the rule set that scored it applies
 * @param text        what it was ("序号12 按期完成（牵头）", "督催〔2026〕3号")
 */
public record ScoreEvent(long unitId, ScoreRules.Rule rule, LocalDate day, Long taskId, Integer seq,
                         BigDecimal points, LocalDate rulesFrom, String text) {
}
