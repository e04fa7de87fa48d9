package org.duban.service.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.persistence.Database;
import org.duban.persistence.EvidenceRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.TrackingConsistencyRepository.StoredCloseOut;
import org.duban.persistence.TrackingConsistencyRepository.StoredEvidence;
import org.duban.persistence.TrackingConsistencyRepository;
import org.duban.service.tracking.EvidenceService;

/**
 * Evidence is there for what was closed: an assignment that stands closed (销号, not reopened) keeps at least one
 * evidence file, and every stored file is whole (its bytes have the recorded size and SHA-256).
 */
final class ClosedEvidenceCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.evidence";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        TrackingConsistencyRepository repo = repos.trackingConsistency();
        List<StoredEvidence> files = repo.evidence();
        Set<Long> withEvidence = new HashSet<>();
        files.forEach(e -> withEvidence.add(e.assignmentId()));
        Map<Long, StoredCloseOut> closed = new LinkedHashMap<>();
        for (StoredCloseOut co : repo.closeOuts()) {
            if (co.closedOn() != null && co.reopenedOn() == null) {
                closed.put(co.assignmentId(), co);
            }
        }
        List<Finding> findings = new ArrayList<>();
        closed.forEach((assignment, co) -> {
            if (!withEvidence.contains(assignment)) {
                findings.add(Finding.of("check.evidence.none", Places.of(co.place()), co.closedOn()));
            }
        });
        EvidenceRepository contents = repos.evidence();
        for (StoredEvidence e : files) {
            boolean whole = e.storedBytes() == e.sizeBytes()
                    && contents.content(e.id()).map(EvidenceService::sha256).orElse("").equals(e.sha256());
            if (!whole) {
                findings.add(Finding.of("check.evidence.damaged", Places.of(e.place()), e.fileName(), e.id()));
            }
        }
        return findings;
    }
}
