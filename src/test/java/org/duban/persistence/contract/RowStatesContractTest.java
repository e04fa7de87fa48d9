package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.duban.model.Assignment;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.Deadline;
import org.duban.model.ReportingCycle;
import org.duban.model.Supervision;
import org.duban.model.Task;
import org.duban.persistence.AuditChain;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.Database;
import org.duban.persistence.RowStates;
import org.duban.persistence.SupervisionRepository;
import org.duban.persistence.TaskRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RowStates} on every engine: the state of a row made from the values its write bound is byte for byte the
 * digest {@code check} ({@link AuditChain#verify}) makes of the stored row. Awkward values of every kind the tracked
 * columns of tasks, shares and supervisions take (empty strings, long Chinese text, emoji, text that looks like a
 * number or a date, NULL and set lead units and due dates, tabs and line breaks), drawn from a fixed seed, are
 * inserted, their audit rows appended with the states from the values, and the chain must then verify clean; a row
 * changed afterwards by SQL must not.
 */
class RowStatesContractTest {
    private static final String[] TEXTS = {"", " ", "0", "007", "1.50", "1e3", "-0", " 12 ", "NULL", "null", "true",
        "2026-12-06", "2026.12.6", "三都澳海域海上养殖无序扩张，\n泡沫浮球等养殖设施老化破损。", "😀👍🏻 emoji 𠀋", "\t制表\r\n换行",
        "'; DROP TABLE task; --", "\\N", "é vs é", "长".repeat(5000), "全角１２３　空格", "a\u2028b"};
    private static final String[] DEADLINES = {"2026年底前", "长期坚持", "立行立改", "2026-07-15", "2026年6月底前，长期坚持",
        "", "看情况"};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void statesFromTheWrittenValuesAreWhatCheckReadsBack(Engine engine) {
        check(engine, 60);
    }

    /**
     * A batch of over 4,096 audit rows is hashed on a thread of its own while the rows hashed so far are written
     * (issue 24): the same chain and the same states, rows of several times among them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aLargeBatchHashedBesideTheWritingIsTheSameChain(Engine engine) {
        check(engine, 1_800);
    }

    private void check(Engine engine, int count) {
        try (Database db = engine.create(dir)) {
            engine.seed(db,
                    "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                            + "(1, '蕉城区', '蕉城', 'DISTRICT', 1), (2, '市水利局', '水利局', 'CITY_DEPARTMENT', 2), "
                            + "(3, '福安市', '福安', 'COUNTY_CITY', 3)",
                    "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会')");
            Random random = new Random(24);
            List<Task> tasks = new ArrayList<>();
            for (int seq = 1; seq <= count; seq++) {
                String deadline = DEADLINES[random.nextInt(DEADLINES.length)];
                String problem = "问题" + seq + text(random);
                List<Assignment> shares = new ArrayList<>();
                for (long unit = 1; unit <= 3; unit++) {
                    if (unit == 1 || random.nextBoolean()) {
                        shares.add(Assignment.newFor(unit));
                    }
                }
                long lead = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3);
                tasks.add(new Task(0, 1, seq, text(random), text(random), problem, text(random), text(random),
                        text(random), text(random), deadline(deadline, seq), text(random), shares, lead));
            }
            List<Task> stored = new TaskRepository(db).insertAll(tasks);
            SupervisionRepository supervisions = new SupervisionRepository(db);
            List<Supervision> supervised = new ArrayList<>();
            for (Task t : stored) {
                if (t.seq() % 4 == 0) {
                    Supervision s = new Supervision(t.id(), "市长" + text(random), LocalDate.of(2026, 3, t.seq() % 28 + 1),
                            ReportingCycle.values()[t.seq() % ReportingCycle.values().length], text(random));
                    supervisions.put(s, OptionalLong.empty());
                    supervised.add(s);
                }
            }

            RowStates states = new RowStates();
            List<AuditEntry> entries = new ArrayList<>();
            Instant at = Instant.parse("2026-12-06T08:00:00Z");
            for (Task t : stored) {
                states.inserted(t);
                at = at.plusSeconds(t.seq() % 700 == 0 ? 1 : 0); // a new time now and then, also across chunks
                entries.add(entry(at, AuditEntity.TASK, t.id(), t.id(), null));
                for (Assignment a : t.assignments()) {
                    entries.add(entry(at, AuditEntity.ASSIGNMENT, a.id(), t.id(), a.unitId()));
                }
            }
            for (Supervision s : supervised) {
                states.put(s);
                entries.add(entry(at, AuditEntity.SUPERVISION, s.taskId(), s.taskId(), null));
            }
            new AuditRepository(db).appendAll(entries, states);
            assertTrue(states.isEmpty(), "the states are used once");

            AuditChain.Verification v = AuditChain.verify(db);
            assertEquals(List.of(), v.broken(), "the chain links");
            assertEquals(List.of(), v.mismatches(), "every row is what its audit row's state says");
            assertEquals(entries.size(), v.head().row());

            engine.seed(db, "UPDATE task SET problem = problem || '。' WHERE seq = 7",
                    "UPDATE assignment SET withdrawn_on = '2026-12-06' WHERE id = (SELECT min(id) FROM assignment)",
                    "UPDATE supervision SET note = note || '改' WHERE task_id = " + supervised.get(0).taskId());
            List<AuditEntity> changed = AuditChain.verify(db).mismatches().stream()
                    .map(AuditChain.StateMismatch::entity).toList();
            assertEquals(List.of(AuditEntity.TASK, AuditEntity.ASSIGNMENT, AuditEntity.SUPERVISION), changed,
                    "a row changed behind the trail's back is found");
        }
    }

    /** A phrase's deadline; "" a bare date; a phrase no one can read kept as written. */
    private static Deadline deadline(String phrase, int seq) {
        if (phrase.isEmpty()) {
            return Deadline.on(LocalDate.of(2026 + seq % 3, 1 + seq % 12, 1 + seq % 28));
        }
        return phrase.equals("看情况") ? Deadline.unreadable(phrase) : Deadline.parse(phrase);
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static AuditEntry entry(Instant at, AuditEntity entity, long id, long taskId, Long unitId) {
        return new AuditEntry(0, at, "测试", entity, id, taskId, unitId, AuditAction.CREATE, "", null, entity.name());
    }
}
