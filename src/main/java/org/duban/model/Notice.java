package org.duban.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A 催办单 or 督办通知书 sent to one unit. A draft has no number; issuing gives it the next 文号 of its series and
 * year, and that number is never given again.
 *
 * @param number       the 文号 as printed ("宁督办〔2026〕3号"), or null for a draft
 * @param numberYear   the year the number counts in, or null for a draft
 * @param numberSeq    the number within the year, or null for a draft
 * @param responseOn   the day the unit's written response came in, or null
 */
public record Notice(long id, long unitId, NoticeLevel level, LocalDate issuedOn, LocalDate responseDue,
                     boolean draft, Integer numberYear, Integer numberSeq, String number, LocalDate responseOn,
                     String responseText, Instant createdAt, List<NoticeShare> shares) {
    public Notice {
        shares = List.copyOf(shares);
        responseText = responseText == null ? "" : responseText;
    }

    public boolean answered() {
        return responseOn != null;
    }

    public Optional<String> numberOpt() {
        return Optional.ofNullable(number);
    }

    public Notice withId(long newId) {
        return new Notice(newId, unitId, level, issuedOn, responseDue, draft, numberYear, numberSeq, number, responseOn,
                responseText, createdAt, shares);
    }

    public Notice numbered(int year, int seq, String text) {
        return new Notice(id, unitId, level, issuedOn, responseDue, false, year, seq, text, responseOn, responseText,
                createdAt, shares);
    }

    public Notice withResponse(LocalDate on, String text) {
        return new Notice(id, unitId, level, issuedOn, responseDue, draft, numberYear, numberSeq, number, on, text,
                createdAt, shares);
    }
}
