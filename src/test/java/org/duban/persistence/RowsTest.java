package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class RowsTest {
    @Test
    void storedDatesReadAsTheyWereWritten() {
        assertEquals(LocalDate.of(2026, 11, 29), Rows.date("2026-11-29"));
        assertEquals(LocalDate.of(2024, 2, 29), Rows.date("2024-02-29"));
    }

    @Test
    void aDateThatIsNoDayIsRefusedAsBefore() {
        assertThrows(DateTimeParseException.class, () -> Rows.date("2026-02-30"));
        assertThrows(DateTimeParseException.class, () -> Rows.date("2026-1-1"));
        assertThrows(DateTimeParseException.class, () -> Rows.date("2026-xx-01"));
    }
}
