package org.duban.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-10-31        | 2026-10-31",
        "2026.9.30         | 2026-09-30",
        "2026/9/30         | 2026-09-30",
        "2026年8月31日      | 2026-08-31",
        "2026年12月31日前   | 2026-12-31",
        "2026年12月31日之前 | 2026-12-31",
        "2026年6月底前      | 2026-06-30",
        "2026年2月底        | 2026-02-28",
        "2028年2月底前      | 2028-02-29",
        "2026年9月30日前完成 | 2026-09-30",
        "2026年底前         | 2026-12-31",
        "2026年年底前       | 2026-12-31",
        "2026年底           | 2026-12-31",
        "2026年第三季度     | 2026-09-30",
        "2026年三季度末     | 2026-09-30",
        "2026年第一季度     | 2026-03-31",
        "2026年第4季度      | 2026-12-31",
        "2026年第二季度     | 2026-06-30",
        "2027年上半年       | 2027-06-30",
        "2027年下半年       | 2027-12-31",
        "2026年六月底前     | 2026-06-30",
        "2026年十二月三十一日 | 2026-12-31",
        "２０２６年６月底前  | 2026-06-30",
        "2026年10月底前     | 2026-10-31",
    })
    void readsDatePhrases(String phrase, LocalDate expected) {
        Deadline d = Deadline.parse(phrase);
        assertEquals(expected, d.dueDate().orElseThrow());
        assertFalse(d.isOngoing());
        assertFalse(d.isImmediate());
        assertEquals(phrase.strip(), d.phrase(), "the phrase is kept as written");
    }

    @Test
    void immediateMeansAtOnce() {
        Deadline d = Deadline.parse("立行立改");
        assertTrue(d.isImmediate());
        assertFalse(d.isOngoing());
        assertTrue(d.dueDate().isEmpty());
        LocalDate issued = LocalDate.of(2026, 3, 19);
        assertEquals(issued, d.effectiveDueDate(issued).orElseThrow());
        assertTrue(d.isPast(LocalDate.of(2026, 3, 20), issued));
    }

    @Test
    void ongoingIsNeverOverdue() {
        Deadline d = Deadline.parse("长期坚持");
        assertTrue(d.isOngoing());
        assertTrue(d.effectiveDueDate(LocalDate.of(2026, 3, 19)).isEmpty());
        assertFalse(d.isPast(LocalDate.of(2099, 1, 1), LocalDate.of(2026, 3, 19)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"立行立改,长期坚持", "立行立改，长期坚持", "立行立改、长期坚持", "立行立改；长期坚持", "立行立改并长期坚持"})
    void immediateAndOngoingTogetherIsOngoing(String phrase) {
        Deadline d = Deadline.parse(phrase);
        assertTrue(d.isOngoing());
        assertTrue(d.isImmediate());
        assertFalse(d.isPast(LocalDate.of(2030, 1, 1), LocalDate.of(2026, 3, 19)));
    }

    @Test
    void dateAndOngoingKeepsTheDateButIsNeverOverdue() {
        Deadline d = Deadline.parse("2026年底前完成，长期坚持");
        assertEquals(LocalDate.of(2026, 12, 31), d.dueDate().orElseThrow());
        assertTrue(d.isOngoing());
        assertFalse(d.isPast(LocalDate.of(2027, 6, 1), null));
    }

    @Test
    void dateIsPastOnlyAfterTheDay() {
        Deadline d = Deadline.parse("2026年6月底前");
        assertFalse(d.isPast(LocalDate.of(2026, 6, 30), null));
        assertTrue(d.isPast(LocalDate.of(2026, 7, 1), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"尽快", "2026年13月", "2026年2月30日", "明年", "2026-02-30", "1999年底前", "2026年第五季度", "6月底前",
        "2026年6月底前 抓紧"})
    void unreadablePhraseIsAnErrorThatQuotesIt(String phrase) {
        DeadlineFormatException e = assertThrows(DeadlineFormatException.class, () -> Deadline.parse(phrase));
        assertEquals(phrase, e.phrase());
        assertTrue(e.getMessage().contains(phrase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsAnError(String phrase) {
        assertThrows(DeadlineFormatException.class, () -> Deadline.parse(phrase));
    }

    @Test
    void printsADayInChinese() {
        assertEquals("2026年10月31日", Deadline.on(LocalDate.of(2026, 10, 31)).phrase());
        assertEquals(LocalDate.of(2026, 10, 31), Deadline.parse(Deadline.on(LocalDate.of(2026, 10, 31)).phrase())
                .dueDate().orElseThrow());
    }

    @Test
    void sortsImmediateThenByDateThenOngoing() {
        List<Deadline> list = new ArrayList<>(List.of(Deadline.parse("长期坚持"), Deadline.parse("2027年上半年"),
                Deadline.parse("立行立改"), Deadline.parse("2026年6月底前")));
        list.sort(null);
        assertEquals(List.of("立行立改", "2026年6月底前", "2027年上半年", "长期坚持"),
                list.stream().map(Deadline::phrase).toList());
    }

    @Test
    void chineseNumerals() {
        assertEquals(1, Deadline.number("一"));
        assertEquals(10, Deadline.number("十"));
        assertEquals(12, Deadline.number("十二"));
        assertEquals(20, Deadline.number("二十"));
        assertEquals(31, Deadline.number("三十一"));
    }
}
