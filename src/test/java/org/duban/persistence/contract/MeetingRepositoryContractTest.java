package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingRole;
import org.duban.model.MeetingSpeaker;
import org.duban.persistence.Database;
import org.duban.persistence.MeetingRepository;
import org.duban.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MeetingRepository} on every engine: keys of inserts, the list newest first, a meeting's details (speakers
 * in order, units in roster order, pledges in speaking order, reviewed tasks once each) written and replaced in
 * one transaction, the count of issued tasks, delete with its details.
 */
class MeetingRepositoryContractTest {
    private static final MeetingSpeaker CHAIR = new MeetingSpeaker(MeetingRole.CHAIR, "梁伟新", "市委书记");
    private static final MeetingSpeaker DEPLOY = new MeetingSpeaker(MeetingRole.DEPLOY, "张某", "");

    @TempDir
    Path dir;

    /** Meeting 1 with tasks 1 and 2 (Engines), and a third unit that comes first in the roster. */
    private static void seed(Engine engine, Database db) {
        Engines.seedTasks(engine, db);
        engine.seed(db, "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                + "(3, '市住建局', '住建局', 'CITY_DEPARTMENT', 0)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertFindAndListNewestFirst(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            MeetingRepository meetings = new MeetingRepository(db);
            Meeting review = meetings.insert(new Meeting(0, MeetingKind.REVIEW, LocalDate.of(2026, 5, 8), "调度会",
                    null));
            Meeting push = meetings.insert(new Meeting(0, MeetingKind.PUSH, LocalDate.of(2026, 5, 8), "推进会",
                    "第二次"));
            assertTrue(review.id() > 1 && push.id() > 1, "the keys come back");
            assertNotEquals(review.id(), push.id());
            assertEquals(new Meeting(push.id(), MeetingKind.PUSH, LocalDate.of(2026, 5, 8), "推进会", "第二次"), push);

            assertEquals(review, meetings.findById(review.id()).orElseThrow());
            assertEquals("", meetings.findById(review.id()).orElseThrow().notes());
            assertTrue(meetings.findById(push.id() + 100).isEmpty());
            assertTrue(meetings.details(push.id() + 100).isEmpty());
            Meeting seeded = new Meeting(1, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 3, 19), "交办会", "");
            assertEquals(List.of(push, review, seeded), meetings.findAll(), "newest day first, then newest entry");

            assertEquals(2, meetings.issuedTaskCount(1));
            assertEquals(0, meetings.issuedTaskCount(review.id()));
            assertEquals(MeetingDetails.of(review), meetings.details(review.id()).orElseThrow(),
                    "nothing recorded beyond the heading");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void detailsRoundTripAndAreReplacedWhole(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            MeetingRepository meetings = new MeetingRepository(db);
            MeetingDetails written = new MeetingDetails(
                    new Meeting(0, MeetingKind.REVIEW, LocalDate.of(2026, 6, 1), "第一次调度会", ""), true, " 市行政服务中心 ",
                    List.of(CHAIR, DEPLOY), List.of(2L, 3L), List.of(1L, 2L, 3L), List.of(2L, 1L), List.of(2L, 1L, 2L));
            MeetingDetails stored = meetings.insert(written);
            assertTrue(stored.id() > 1, "the key comes back");
            MeetingDetails read = meetings.details(stored.id()).orElseThrow();
            assertEquals(stored.meeting(), read.meeting());
            assertTrue(read.video());
            assertEquals("市行政服务中心", read.mainVenue());
            assertEquals(List.of(CHAIR, DEPLOY), read.speakers(), "in the meeting's order");
            assertEquals(List.of(3L, 2L), read.subVenueUnitIds(), "in roster order");
            assertEquals(List.of(3L, 1L, 2L), read.attendingUnitIds(), "in roster order");
            assertEquals(List.of(2L, 1L), read.pledgeUnitIds(), "in the order they spoke");
            assertEquals(List.of(1L, 2L), read.reviewedTaskIds(), "each task once, by 序号");

            MeetingDetails replaced = new MeetingDetails(
                    new Meeting(stored.id(), MeetingKind.PUSH, LocalDate.of(2026, 6, 2), "推进会", "改期"), false, "",
                    List.of(DEPLOY), List.of(), List.of(1L), List.of(), List.of(2L));
            meetings.update(replaced);
            assertEquals(replaced, meetings.details(stored.id()).orElseThrow(), "nothing of the old details left");
            meetings.update(MeetingDetails.of(replaced.meeting()));
            assertEquals(MeetingDetails.of(replaced.meeting()), meetings.details(stored.id()).orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aMeetingAndItsDetailsLandTogetherOrNotAtAll(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            MeetingRepository meetings = new MeetingRepository(db);
            MeetingDetails unknownUnit = new MeetingDetails(
                    new Meeting(0, MeetingKind.REVIEW, LocalDate.of(2026, 6, 1), "调度会", ""), false, "",
                    List.of(CHAIR), List.of(), List.of(1L, 99L), List.of(), List.of());
            PersistenceException e = assertThrows(PersistenceException.class, () -> meetings.insert(unknownUnit));
            assertEquals("db.error.constraint", e.key());
            assertEquals(1, meetings.findAll().size(), "the meeting did not land without its details");

            MeetingDetails stored = meetings.insert(MeetingDetails.of(
                    new Meeting(0, MeetingKind.REVIEW, LocalDate.of(2026, 6, 1), "调度会", "")));
            MeetingDetails withDetails = stored.withReviewedTasks(List.of(1L));
            meetings.update(withDetails);
            Meeting renamed = new Meeting(stored.id(), MeetingKind.REVIEW, LocalDate.of(2026, 6, 1), "改名", "");
            e = assertThrows(PersistenceException.class, () -> meetings.update(new MeetingDetails(renamed, false, "",
                    List.of(), List.of(), List.of(), List.of(), List.of(1L, 77L))));
            assertEquals("db.error.constraint", e.key());
            assertEquals(withDetails, meetings.details(stored.id()).orElseThrow(), "heading and details as they were");

            Meeting gone = new Meeting(stored.id() + 100, MeetingKind.REVIEW, LocalDate.of(2026, 6, 1), "无", "");
            e = assertThrows(PersistenceException.class, () -> meetings.update(MeetingDetails.of(gone)));
            assertEquals("meetings.error.gone", e.key());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void deleteTakesTheDetailsAlong(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            MeetingRepository meetings = new MeetingRepository(db);
            MeetingDetails stored = meetings.insert(new MeetingDetails(
                    new Meeting(0, MeetingKind.REVIEW, LocalDate.of(2026, 6, 1), "调度会", ""), false, "",
                    List.of(CHAIR), List.of(1L), List.of(1L), List.of(1L), List.of(1L)));
            MeetingDetails other = meetings.insert(new MeetingDetails(
                    new Meeting(0, MeetingKind.PUSH, LocalDate.of(2026, 7, 1), "推进会", ""), false, "",
                    List.of(CHAIR), List.of(), List.of(2L), List.of(), List.of(2L)));
            meetings.delete(stored.id());
            assertTrue(meetings.findById(stored.id()).isEmpty());
            assertTrue(meetings.details(stored.id()).isEmpty());
            assertEquals(other, meetings.details(other.id()).orElseThrow(), "the other meeting's details stay");
            meetings.delete(stored.id()); // gone already: nothing happens
            assertEquals(2, meetings.findAll().size());
        }
    }
}
