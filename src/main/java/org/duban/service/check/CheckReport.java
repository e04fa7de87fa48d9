package org.duban.service.check;

import java.util.List;

/** The outcome of {@code check}: each rule with what it found. */
public record CheckReport(List<Result> results) {
    public CheckReport {
        results = List.copyOf(results);
    }

    /** One rule's outcome. */
    public record Result(String titleKey, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public boolean ok() {
            return findings.isEmpty();
        }
    }

    public boolean clean() {
        return results.stream().allMatch(Result::ok);
    }

    public int problems() {
        return results.stream().mapToInt(r -> r.findings().size()).sum();
    }
}
