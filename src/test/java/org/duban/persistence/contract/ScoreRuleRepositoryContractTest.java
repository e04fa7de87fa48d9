package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.ScoreRuleRepository;
import org.duban.persistence.ScoreRuleRepository.Stored;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ScoreRuleRepository} on every engine: one set a day, read back in day order, replaced, deleted. */
class ScoreRuleRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void putReadReplaceAndDelete(Engine engine) {
        try (Database db = engine.create(dir)) {
            ScoreRuleRepository rules = new ScoreRuleRepository(db);
            Instant at = Instant.parse("2026-01-05T02:00:00Z");
            LocalDate july = LocalDate.of(2026, 7, 1);
            LocalDate january = LocalDate.of(2026, 1, 1);
            rules.put(july, "下半年", "逾期 -2", at);
            rules.put(january, "上半年", "逾期 -1", at);

            List<Stored> all = rules.findAll();
            assertEquals(2, all.size());
            assertEquals(new Stored(all.get(0).id(), january, "上半年", "逾期 -1", at), all.get(0), "by day");
            assertEquals(new Stored(all.get(1).id(), july, "下半年", "逾期 -2", at), all.get(1));
            assertTrue(all.get(0).id() > 0 && all.get(1).id() > 0);
            assertNotEquals(all.get(0).id(), all.get(1).id());

            Instant later = at.plusSeconds(3600);
            rules.put(july, "下半年（修订）", "逾期 -3", later);
            all = rules.findAll();
            assertEquals(2, all.size(), "the same day replaced, not doubled");
            assertEquals(new Stored(all.get(1).id(), july, "下半年（修订）", "逾期 -3", later), all.get(1));

            rules.delete(january);
            assertEquals(List.of(july), rules.findAll().stream().map(Stored::effectiveFrom).toList());
        }
    }
}
