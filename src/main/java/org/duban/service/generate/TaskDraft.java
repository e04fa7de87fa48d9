package org.duban.service.generate;

import java.util.List;

/**
 * A generated task before it gets ids: its texts, deadline phrase and units (roster ids, in roster order).
 *
 * @param steps the measures as separate steps (reports and milestones quote them)
 */
record TaskDraft(int seq, String source, String category, String problem, String target, List<String> steps,
                 String measures, String leader, String supportingUnits, String deadline, String remarks,
                 List<Long> unitIds) {
    TaskDraft {
        steps = List.copyOf(steps);
        unitIds = List.copyOf(unitIds);
    }

    boolean supervised() {
        return remarks.contains("挂牌督办");
    }
}
