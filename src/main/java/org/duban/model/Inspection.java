package org.duban.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 下沉督察: an on-site visit by supervisors to some units, with what they found.
 *
 * @param inspectors who went, as written (e.g. 市委督查室、市生态环境局 张某某)
 * @param unitIds    the units visited
 */
public record Inspection(long id, LocalDate heldOn, String inspectors, List<Long> unitIds, String notes,
                         List<InspectionFinding> findings) {
    public Inspection {
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(inspectors, "inspectors");
        unitIds = List.copyOf(unitIds);
        notes = notes == null ? "" : notes;
        findings = List.copyOf(findings);
    }
}
