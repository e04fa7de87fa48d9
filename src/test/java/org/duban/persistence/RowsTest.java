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

    @Test
    void datesReadFromTheirBytesAreTheSameAndRefusedTheSame() {
        for (String d : new String[] {"2026-11-29", "2024-02-29", "2026-01-31", "0001-01-01", "2026-12-06"}) {
            assertEquals(Rows.date(d), Rows.date(d.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), d);
        }
        for (String bad : new String[] {"2026-02-30", "2026-1-1", "2026-xx-01", "2026-13-01", "2026-00-10", ""}) {
            assertThrows(DateTimeParseException.class,
                    () -> Rows.date(bad.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), bad);
        }
    }
}
