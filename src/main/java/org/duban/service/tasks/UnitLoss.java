package org.duban.service.tasks;

import org.duban.model.Unit;

/**
 * What a unit taken off a task would lose with its share: its progress reports, milestones, close-out
 * applications and evidence files (they go with the assignment).
 */
public record UnitLoss(Unit unit, int reports, int milestones, int closeOuts, int evidence) {
}
