package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;

/**
 * Handouts read a unit at a time ({@link HandoutService#readByUnit}, the command line and the meeting pack: issue 24)
 * say exactly what those read with the whole meeting at once say: the same units and counts, the same content of
 * every unit's handout, the same issuing meetings, for every meeting of the sample (交办会 and the follow-up meetings
 * that review others' tasks), with a withdrawn share and a task issued after its meeting's day.
 */
class HandoutByUnitTest extends HandoutDbTest {
    @Test
    void everyMeetingReadByUnitGivesTheSameHandouts() {
        db = TestDb.withSample(dir);
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE assignment SET withdrawn_on = '2026-05-01' "
                        + "WHERE id = (SELECT min(id) FROM assignment)");
                st.executeUpdate("UPDATE task SET issued_on = '2099-01-01' WHERE id = (SELECT max(id) FROM task)");
            }
            return null;
        });
        HandoutService service = Wired.of(db).handouts();
        HandoutSettings settings = service.settings().load();
        List<Meeting> meetings = Wired.of(db).meetings().all();
        assertTrue(meetings.stream().anyMatch(m -> m.kind().isFollowUp()), "the sample has follow-up meetings");
        int compared = 0;
        for (Meeting m : meetings) {
            for (LocalDate day : List.of(m.heldOn(), LocalDate.of(2026, 12, 31))) {
                HandoutService.MeetingData whole = service.read(m, day);
                HandoutService.MeetingData byUnit = service.readByUnit(m, day);
                assertEquals(List.of(), byUnit.tasks(), "nothing read ahead");
                assertEquals(service.units(whole), service.units(byUnit), m.title());
                assertEquals(whole.issuingMeetings(), byUnit.issuingMeetings(), m.title());
                HandoutService.MeetingData inPieces = service.readByUnit(m, day, 3);
                for (HandoutService.UnitHandout h : service.units(whole)) {
                    HandoutContent expected = HandoutService.content(whole, h.unit(), settings);
                    assertEquals(expected, HandoutService.content(byUnit, h.unit(), settings),
                            m.title() + " " + h.unit().name());
                    HandoutContent pieces = HandoutService.content(inPieces, h.unit(), settings);
                    assertEquals(expected, pieces, m.title() + " " + h.unit().name() + ", pieces of 3");
                    assertEquals(expected, pieces, m.title() + " " + h.unit().name() + ", texts read again");
                    assertEquals(h.tasks(), expected.taskCount());
                    compared++;
                }
            }
        }
        assertTrue(compared > 20, "handouts compared: " + compared);
    }

    @Test
    void aUnitWhoseTextsChangeBetweenTheTwoPassesIsNotPrintedWithAWrongPageCount() {
        db = TestDb.withRoster(dir);
        Meeting m = HandoutFixtures.manyLongTasks(db, 12, 0);
        HandoutService service = Wired.of(db).handouts();
        HandoutSettings settings = HandoutFixtures.BUNDLED;
        HandoutContent content = HandoutService.content(service.readByUnit(m, m.heldOn(), 2),
                HandoutFixtures.unit(db, "霞浦县"), settings);
        HandoutPaginator paginator = new HandoutPaginator(HandoutFonts.of(settings.fonts()));
        int pages = paginator.layout(content, settings, p -> { });
        assertEquals(pages, paginator.layout(content, settings, p -> { }), "read again, the same pages");
        boolean[] changed = {false};
        LocalizedException e = assertThrows(LocalizedException.class, () -> paginator.layout(content, settings, p -> {
            if (!changed[0]) { // while the pages are drawn, after they were counted: task 12 grows by pages
                changed[0] = true;
                db.write(c -> {
                    try (var st = c.prepareStatement("UPDATE task SET measures = ? WHERE meeting_id = ? AND seq = 12")) {
                        st.setString(1, HandoutFixtures.measures(120, "第12项问题"));
                        st.setLong(2, m.id());
                        st.executeUpdate();
                    }
                    return null;
                });
            }
        }));
        assertEquals("handout.error.changed", e.key());
        assertTrue(changed[0]);
    }
}
