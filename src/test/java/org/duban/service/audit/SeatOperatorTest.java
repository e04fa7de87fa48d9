package org.duban.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.persistence.Database;
import org.duban.persistence.contract.Engines;
import org.duban.service.Services;
import org.duban.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two seats on one shared ledger, each with its own connection and its own operator's name: every audit row names the
 * seat that wrote it, and a seat renaming itself changes neither the other seat's rows nor the ledger's setting.
 */
class SeatOperatorTest {
    private Database first;
    private Database second;

    /** A seat's name kept in memory, as the window keeps it in the user's preferences. */
    private static final class MemorySeat implements AuditLog.Seat {
        private String name;
        private final String login;

        MemorySeat(String name, String login) {
            this.name = name;
            this.login = login;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void setName(String name) {
            this.name = name;
        }

        @Override
        public String fallback() {
            return login;
        }
    }

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static List<String> meetingCreators(Services services) {
        return services.repositories().audit().findAll().stream()
                .filter(e -> e.entity() == AuditEntity.MEETING).map(AuditEntry::operator).toList();
    }

    @Test
    void eachAuditRowNamesTheSeatThatWroteIt() {
        Assumptions.assumeTrue(Engines.POSTGRESQL.available() || "1".equals(System.getenv("DUBAN_REQUIRE_PG")),
                "a PostgreSQL server answers");
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        first = Database.connect(url, Engines.POSTGRESQL.credentials());
        second = Database.connect(url, Engines.POSTGRESQL.credentials());
        TestClock clock = new TestClock(LocalDate.of(2026, 11, 29));
        MemorySeat a = new MemorySeat("张敏", "seat_a_login");
        MemorySeat b = new MemorySeat("", "seat_b_login");
        Services seatA = Services.over(first, clock).seatedAt(a);
        Services seatB = Services.over(second, clock).seatedAt(b);

        seatA.meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 3, 19), "交办会", ""));
        seatB.meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 4, 16), "推进会", ""));
        assertEquals(List.of("张敏", "seat_b_login"), meetingCreators(seatA),
                "a named seat, and one that named nobody: its login");

        seatB.trackingSettings().saveTracking("李华", 7, 20); // the settings' operator field on a shared ledger
        assertEquals("李华", b.name(), "kept for this seat");
        assertEquals("张敏", seatA.audit().operator(), "the other seat keeps its name");
        assertTrue(seatA.repositories().settings().get(AuditLog.OPERATOR_KEY).isEmpty(),
                "the ledger's shared setting is not written");
        seatB.meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 5, 21), "调度会", ""));
        seatA.meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 6, 18), "点评会", ""));
        assertEquals(List.of("张敏", "seat_b_login", "李华", "张敏"), meetingCreators(seatB));
        assertEquals("李华", seatB.audit().configuredOperator());
        assertEquals("seat_b_login", seatB.audit().fallbackOperator());
    }
}
