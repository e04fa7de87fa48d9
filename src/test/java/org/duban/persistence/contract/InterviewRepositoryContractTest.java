package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Interview;
import org.duban.persistence.Database;
import org.duban.persistence.InterviewRepository;
import org.duban.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link InterviewRepository} on every engine: keys of inserts, every field read back, the order by day. */
class InterviewRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertReturnsNewKeysAndFindAllReadsEveryFieldByDay(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            InterviewRepository interviews = new InterviewRepository(db);
            Instant at = Instant.parse("2026-04-02T08:30:15.123Z");
            Interview later = new Interview(0, 1, LocalDate.of(2026, 5, 6), "分管副市长", "区长、局长", "限期整改",
                    LocalDate.of(2026, 6, 1), "宁环约〔2026〕2号", at);
            Interview earlier = new Interview(0, 2, LocalDate.of(2026, 4, 2), "市长", "", "", null, null, at);

            long first = interviews.insert(later);
            long second = interviews.insert(earlier);
            assertTrue(first > 0 && second > 0);
            assertNotEquals(first, second);

            List<Interview> all = interviews.findAll();
            assertEquals(List.of(new Interview(second, 2, LocalDate.of(2026, 4, 2), "市长", "", "", null, null, at),
                    new Interview(first, 1, LocalDate.of(2026, 5, 6), "分管副市长", "区长、局长", "限期整改",
                            LocalDate.of(2026, 6, 1), "宁环约〔2026〕2号", at)), all);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void anInterviewOfAUnitNotInTheRosterIsRefused(Engine engine) {
        try (Database db = engine.create(dir)) {
            InterviewRepository interviews = new InterviewRepository(db);
            PersistenceException e = assertThrows(PersistenceException.class, () -> interviews.insert(
                    new Interview(0, 99, LocalDate.of(2026, 4, 2), "市长", "", "", null, null, Instant.EPOCH)));
            assertEquals("db.error.constraint", e.key());
            assertEquals(List.of(), interviews.findAll());
        }
    }
}
