package org.duban.service.check;

import java.util.ArrayList;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;
import org.duban.persistence.TrackingConsistencyRepository.StoredCloseOut;

/**
 * No close-out without its steps: every application that was closed (销号) had a passed verification by the day
 * it was closed, and its public notice (公示) had ended before it. The close-out service refuses to close
 * otherwise, so a finding here means the file was changed by other means.
 */
final class CloseOutStepsCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.closeOuts";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        List<Finding> findings = new ArrayList<>();
        for (StoredCloseOut co : repos.trackingConsistency().closeOuts()) {
            String closed = co.closedOn();
            if (closed == null) {
                continue;
            }
            Object where = Places.of(co.place());
            if (co.verifiedOn() == null || co.passed() == null || co.passed() != 1) {
                findings.add(Finding.of("check.closeOuts.noVerification", where, co.appliedOn(), closed));
            } else if (co.verifiedOn().compareTo(closed) > 0) {
                findings.add(Finding.of("check.closeOuts.verifiedLater", where, closed, co.verifiedOn()));
            }
            if (co.noticeFrom() == null) {
                findings.add(Finding.of("check.closeOuts.noNotice", where, closed));
            } else if (co.noticeTo() == null || closed.compareTo(co.noticeTo()) <= 0) {
                findings.add(Finding.of("check.closeOuts.noticeRunning", where, closed,
                        co.noticeTo() == null ? co.noticeFrom() : co.noticeTo()));
            }
        }
        return findings;
    }
}
