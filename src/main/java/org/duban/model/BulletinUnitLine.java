package org.duban.model;

/**
 * One unit's line in a bulletin's ranking, as issued.
 *
 * @param rate completion rate, 0 to 1
 * @param rank 1 for the best; units with the same rate share a rank
 */
public record BulletinUnitLine(long unitId, String unitName, int assignments, int completed, int closed, int overdue,
                               double rate, int rank) {
}
