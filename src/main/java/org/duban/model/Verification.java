package org.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/** The on-site check (验收) of a close-out application: by whom, when, and whether it passed. */
public record Verification(VerificationLevel level, String verifiers, LocalDate verifiedOn, boolean passed,
                           String note) {
    public Verification {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(verifiers, "verifiers");
        Objects.requireNonNull(verifiedOn, "verifiedOn");
        note = note == null ? "" : note;
    }
}
