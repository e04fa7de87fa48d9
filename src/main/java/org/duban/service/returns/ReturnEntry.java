package org.duban.service.returns;

import java.time.LocalDate;

/**
 * One filled row of a return form, checked against the ledger: it becomes one progress report (整改进展) of
 * the unit's assignment.
 *
 * @param file    the form's file name
 * @param row     its spreadsheet row
 * @param percent 0–100
 */
public record ReturnEntry(String file, int row, long meetingId, long taskId, int seq, long assignmentId, long unitId,
                          String unitName, String progress, int percent, String reporter, LocalDate reportedOn) {
}
