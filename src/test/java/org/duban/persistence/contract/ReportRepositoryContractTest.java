package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.duban.model.ProgressReport;
import org.duban.persistence.Database;
import org.duban.persistence.ReportRepository;
import org.duban.persistence.TaskScope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReportRepository} on every engine: keys of inserts, reads by id, by ids (more than one query's worth), by
 * scope in order, the counting read without text, and the reports that decide a day. Reports are history: there is no
 * update.
 */
class ReportRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertAndEveryRead(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            ReportRepository reports = new ReportRepository(db);
            ProgressReport later = reports.insert(new ProgressReport(0, 1, LocalDate.of(2026, 5, 1), 60, "过半", "张三"));
            ProgressReport earlier = reports.insert(new ProgressReport(0, 1, LocalDate.of(2026, 4, 1), 30, "开工", null));
            ProgressReport other = reports.insert(new ProgressReport(0, 3, LocalDate.of(2026, 4, 15), 100, "完成", "李四"));
            assertTrue(later.id() > 0 && earlier.id() > 0 && other.id() > 0, "the keys come back");
            assertNotEquals(later.id(), earlier.id());
            assertEquals(new ProgressReport(later.id(), 1, LocalDate.of(2026, 5, 1), 60, "过半", "张三"), later);

            assertEquals(earlier, reports.findById(earlier.id()).orElseThrow());
            assertTrue(reports.findById(other.id() + 100).isEmpty());
            assertEquals(List.of(earlier, later), reports.find(TaskScope.assignment(1)), "oldest first");
            assertEquals(List.of(earlier, later, other), reports.find(TaskScope.meeting(1L)));
            assertEquals(List.of(other), reports.find(TaskScope.task(2)));
            assertEquals(List.of(new ProgressReport(earlier.id(), 1, LocalDate.of(2026, 4, 1), 30, "", ""),
                            new ProgressReport(later.id(), 1, LocalDate.of(2026, 5, 1), 60, "", "")),
                    reports.findForCounting(TaskScope.assignment(1)), "dates and percents, no text");

            List<ProgressReport> many = new ArrayList<>(List.of(later, earlier, other));
            db.inTransaction(() -> {
                for (int i = 0; i < 600; i++) {
                    many.add(reports.insert(new ProgressReport(0, 2, LocalDate.of(2026, 6, 1), i % 101, "第" + i, "")));
                }
            });
            List<Long> ids = many.stream().map(ProgressReport::id).toList();
            assertEquals(603, new HashSet<>(ids).size(), "every key its own");
            List<ProgressReport> byIds = new ArrayList<>(reports.findByIds(ids));
            byIds.sort(Comparator.comparingLong(ProgressReport::id));
            many.sort(Comparator.comparingLong(ProgressReport::id));
            assertEquals(many, byIds, "600 and more ids: two queries, every report once");
            assertEquals(List.of(), reports.findByIds(List.of()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void theReportsThatDecideADayAreEachSharesLatestByThenElseItsFirstAfter(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            ReportRepository reports = new ReportRepository(db);
            ProgressReport april = reports.insert(new ProgressReport(0, 1, LocalDate.of(2026, 4, 1), 30, "开工", "张三"));
            ProgressReport mayOne = reports.insert(new ProgressReport(0, 1, LocalDate.of(2026, 5, 1), 70, "过半", ""));
            ProgressReport mayTwo = reports.insert(new ProgressReport(0, 1, LocalDate.of(2026, 5, 1), 60, "同日", ""));
            ProgressReport june = reports.insert(new ProgressReport(0, 1, LocalDate.of(2026, 6, 1), 100, "完成", ""));
            ProgressReport julyA = reports.insert(new ProgressReport(0, 3, LocalDate.of(2026, 7, 1), 10, "甲", "李四"));
            ProgressReport julyB = reports.insert(new ProgressReport(0, 3, LocalDate.of(2026, 7, 2), 20, "乙", ""));
            // share 2 has no report at all: nothing for it

            assertEquals(List.of(mayTwo, julyA), reports.decidingOn(TaskScope.meeting(1L), LocalDate.of(2026, 5, 31)),
                    "of two reports of a day the later entry; a share with reports only after the day: its first");
            assertEquals(List.of(april), reports.decidingOn(TaskScope.task(1), LocalDate.of(2026, 4, 30)));
            assertEquals(List.of(june), reports.decidingOn(TaskScope.assignment(1), LocalDate.of(2026, 6, 1)),
                    "a report of the day itself counts");
            assertEquals(List.of(april), reports.decidingOn(TaskScope.assignment(1), LocalDate.of(2026, 3, 1)),
                    "before every report: the first");
            assertEquals(List.of(julyB), reports.decidingOn(TaskScope.task(2), LocalDate.of(2026, 12, 31)));
            assertEquals(List.of(), reports.decidingOn(TaskScope.assignment(2), LocalDate.of(2026, 12, 31)));
            assertEquals(List.of(june, julyB), reports.decidingOn(TaskScope.all(), LocalDate.of(2026, 12, 31)));
            assertEquals(List.of(new ProgressReport(mayTwo.id(), 1, LocalDate.of(2026, 5, 1), 60, "", ""),
                            new ProgressReport(julyA.id(), 3, LocalDate.of(2026, 7, 1), 10, "", "")),
                    reports.decidingOnForCounting(TaskScope.meeting(1L), LocalDate.of(2026, 5, 31)), "without text");
            assertTrue(mayTwo.id() > mayOne.id(), "entered second");
        }
    }
}
