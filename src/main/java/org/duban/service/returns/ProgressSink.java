package org.duban.service.returns;

/**
 * Where a checked return row becomes a progress report. Progress reports belong to tracking (issue 3); until
 * it provides an implementation, returns can be checked but not applied
 * ({@link ReturnsImporter#apply} refuses without a sink).
 */
@FunctionalInterface
public interface ProgressSink {
    /** Records one report; called inside the transaction of {@link ReturnsImporter#apply}. */
    void record(ReturnEntry entry);
}
