package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Milestone;
import org.duban.persistence.Database;
import org.duban.persistence.MilestoneRepository;
import org.duban.persistence.TaskScope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link MilestoneRepository} on every engine: keys of inserts, reads by id and scope, update, delete. */
class MilestoneRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertFindUpdateAndDelete(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            MilestoneRepository milestones = new MilestoneRepository(db);
            Milestone late = milestones.insert(new Milestone(0, 1, "完成设计", LocalDate.of(2026, 6, 30), null));
            Milestone early = milestones.insert(new Milestone(0, 1, "开工", LocalDate.of(2026, 5, 1), null));
            Milestone other = milestones.insert(new Milestone(0, 3, "验收", LocalDate.of(2026, 9, 1),
                    LocalDate.of(2026, 8, 20)));
            assertTrue(late.id() > 0 && early.id() > 0 && other.id() > 0, "the keys come back");
            assertNotEquals(late.id(), early.id());
            assertEquals(new Milestone(late.id(), 1, "完成设计", LocalDate.of(2026, 6, 30), null), late);

            assertEquals(other, milestones.findById(other.id()).orElseThrow());
            assertTrue(milestones.findById(other.id() + 100).isEmpty());
            assertEquals(List.of(early, late), milestones.find(TaskScope.assignment(1)), "by due date");
            assertEquals(List.of(early, late), milestones.find(TaskScope.task(1)));
            assertEquals(List.of(other), milestones.find(TaskScope.task(2)));
            assertEquals(List.of(early, late, other), milestones.find(TaskScope.meeting(1L)));

            Milestone done = early.withDoneOn(LocalDate.of(2026, 4, 28));
            milestones.update(done);
            assertEquals(done, milestones.findById(early.id()).orElseThrow());

            milestones.delete(late.id());
            assertEquals(List.of(done), milestones.find(TaskScope.assignment(1)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void theMilestonesLateOnADayAreThoseDueBeforeItAndNotDoneByIt(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            MilestoneRepository milestones = new MilestoneRepository(db);
            LocalDate day = LocalDate.of(2026, 6, 30);
            Milestone open = milestones.insert(new Milestone(0, 1, "未完成", LocalDate.of(2026, 5, 1), null));
            Milestone doneLate = milestones.insert(new Milestone(0, 1, "之后完成", LocalDate.of(2026, 4, 1),
                    LocalDate.of(2026, 7, 1)));
            milestones.insert(new Milestone(0, 1, "当天完成", LocalDate.of(2026, 4, 1), day));
            milestones.insert(new Milestone(0, 1, "当天到期", day, null));
            milestones.insert(new Milestone(0, 3, "未到期", LocalDate.of(2026, 9, 1), null));
            Milestone other = milestones.insert(new Milestone(0, 3, "另一项", LocalDate.of(2026, 6, 29), null));

            List<Milestone> late = milestones.lateOn(TaskScope.meeting(1L), day);
            assertEquals(List.of(doneLate, open, other), late, "in find's order: by share, then due date");
            for (Milestone m : milestones.find(TaskScope.meeting(1L))) {
                assertEquals(m.isLateOn(day), late.contains(m), m.name() + ": the same rule as Milestone.isLateOn");
            }
            assertEquals(List.of(other), milestones.lateOn(TaskScope.task(2), day));
            assertEquals(List.of(), milestones.lateOn(TaskScope.assignment(1), LocalDate.of(2026, 3, 1)));
            assertEquals(List.of(doneLate, open, other), milestones.lateOn(TaskScope.all(), day));
        }
    }
}
