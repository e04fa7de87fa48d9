package org.duban.service.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.duban.i18n.LocalizedException;
import org.duban.model.WorkCalendar;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {
    private final WorkCalendar cal = WorkCalendars.shipped();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void springFestival2026IsSkippedAndItsSaturdaysAreWorked() {
        // Fri 13 Feb, then Sat 14 Feb is an adjusted working day; 15–23 Feb are the holiday.
        assertTrue(cal.isWorkingDay(d("2026-02-14")));
        assertFalse(cal.isWorkingDay(d("2026-02-16")));
        assertFalse(cal.isWorkingDay(d("2026-02-23")));
        assertTrue(cal.isWorkingDay(d("2026-02-24")));
        assertTrue(cal.isWorkingDay(d("2026-02-28")));
        // 3 working days after Thu 12 Feb: Fri 13, Sat 14 (调休), then nothing until Tue 24.
        assertEquals(d("2026-02-24"), cal.plusWorkingDays(d("2026-02-12"), 3));
        // 10 working days after Fri 13 Feb: 14, 24, 25, 26, 27, 28 (调休), 2, 3, 4, 5 March.
        assertEquals(d("2026-03-05"), cal.plusWorkingDays(d("2026-02-13"), 10));
        // Mon–Fri only would have said 27 Feb.
        assertEquals(d("2026-02-27"), WorkCalendar.weekdaysOnly().plusWorkingDays(d("2026-02-13"), 10));
    }

    @Test
    void nationalDay2026SkipsTheGoldenWeekAndCountsItsSundayAndSaturday() {
        assertTrue(cal.isWorkingDay(d("2026-09-20"))); // Sunday, worked
        assertFalse(cal.isWorkingDay(d("2026-09-25"))); // 中秋节, a Friday
        assertFalse(cal.isWorkingDay(d("2026-10-05")));
        assertTrue(cal.isWorkingDay(d("2026-10-10"))); // Saturday, worked
        // 5 working days after Wed 30 Sep: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13 Oct.
        assertEquals(d("2026-10-13"), cal.plusWorkingDays(d("2026-09-30"), 5));
        assertEquals(5, cal.workingDaysBetween(d("2026-09-30"), d("2026-10-13")));
        assertEquals(-5, cal.workingDaysBetween(d("2026-10-13"), d("2026-09-30")));
        // After Fri 18 Sep: Sun 20 (调休), Mon 21 … Thu 24 are five working days.
        assertEquals(5, cal.workingDaysBetween(d("2026-09-18"), d("2026-09-24")));
    }

    @Test
    void aDayItselfIsNotCountedAndZeroIsTheSameDay() {
        assertEquals(d("2026-11-30"), cal.plusWorkingDays(d("2026-11-30"), 0));
        assertEquals(d("2026-12-01"), cal.plusWorkingDays(d("2026-11-30"), 1));
        assertEquals(0, cal.workingDaysBetween(d("2026-11-30"), d("2026-11-30")));
    }

    @Test
    void aYearWithoutACalendarCountsMondayToFridayAndSaysSo() {
        assertTrue(cal.knowsYear(2026));
        assertFalse(cal.knowsYear(2031));
        assertEquals(Set.of(2027, 2028, 2029, 2030, 2031), cal.unknownYears(d("2026-12-20"), d("2031-01-10")));
        // 1 Jan 2031 is a Wednesday: with no calendar it is a working day.
        assertTrue(cal.isWorkingDay(d("2031-01-01")));
    }

    @Test
    void theOfficesLinesAddAYearAndOverrideAShippedDay() {
        WorkCalendar own = WorkCalendars.of("""
                # 本地调整
                2031-01-01,放假,元旦
                2026-11-30,HOLIDAY,本地假日
                """);
        assertTrue(own.knowsYear(2031));
        assertFalse(own.isWorkingDay(d("2031-01-01")));
        assertFalse(own.isWorkingDay(d("2026-11-30")));
        assertEquals(d("2026-12-02"), own.plusWorkingDays(d("2026-11-29"), 2));
    }

    @Test
    void aBadLineIsRefusedWithItsNumberAndReason() {
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> WorkCalendars.of("2026-10-01,放假,国庆节\n2026-13-01,放假,错\n"));
        assertEquals("calendar.error.line", e.key());
        assertEquals(2, e.args()[0]);
        LocalizedException weekday = assertThrows(LocalizedException.class,
                () -> WorkCalendars.of("2026-12-02,上班,周三"));
        assertTrue(weekday.getLocalizedMessage().contains("周六或周日"), weekday.getLocalizedMessage());
        assertThrows(LocalizedException.class, () -> WorkCalendars.of("2026-12-05,调休"));
    }
}
