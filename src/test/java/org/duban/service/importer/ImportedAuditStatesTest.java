package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.duban.model.Meeting;
import org.duban.model.ReportingCycle;
import org.duban.model.Task;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.check.CheckReport;
import org.duban.service.tasks.TaskInput;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import's audit rows take the states of its new tasks and shares from the values it wrote, not from the rows read
 * back (issue 24): whatever a list holds, {@code check} must find every row as its last audit row says, on either
 * engine (this runs on SQLite, and on PostgreSQL in the pom's service-on-postgresql execution). Awkward cells from a
 * fixed seed (empty, long Chinese text, emoji, numbers, dates as date cells and as text, 挂牌督办 rows), the messy
 * office list, then the same tasks changed through the form and by importing the list again, supervised and left.
 */
class ImportedAuditStatesTest {
    private static final Object[] CELLS = {"", "   ", "0", "007", 12.5, 3.0, -1.0, "1e3", "NULL", "2026-12-06",
        LocalDate.of(2026, 9, 30), "三都澳海域海上养殖无序扩张，\n泡沫浮球等养殖设施老化破损。", "😀👍🏻 emoji 𠀋",
        "\t制表\r\n换行", "'; DROP TABLE task; --", "全角１２３　空格", "长".repeat(3000)};
    private static final Object[] DEADLINES = {"2026年底前", "长期坚持", "立行立改", LocalDate.of(2026, 7, 15), "2026.9.30",
        "2026年6月底前\n长期坚持", 46022.0};
    private static final String[] UNITS = {"蕉城区", "蕉城区、福安市", "市水利局\n霞浦县", "福鼎市（牵头）、柘荣县"};

    @TempDir
    Path dir;

    @Test
    void checkFindsTheImportedRowsAsTheirAuditRowsSay() {
        try (Database db = TestDb.withRoster(dir)) {
            Services s = Wired.of(db);
            Meeting meeting = TestDb.emptyMeeting(db);
            Random random = new Random(24);
            List<List<Object>> rows = new ArrayList<>();
            for (int seq = 1; seq <= 80; seq++) {
                Object remark = seq % 5 == 0 ? "挂牌督办" : CELLS[random.nextInt(CELLS.length)];
                rows.add(Workbooks.row(seq, "问题" + seq + cell(random), UNITS[random.nextInt(UNITS.length)],
                        DEADLINES[random.nextInt(DEADLINES.length)], remark));
            }
            Path list = Workbooks.list(dir.resolve("清单.xlsx"), rows);
            TaskImporter importer = s.importer();
            ImportTarget into = new ImportTarget.Existing(meeting.id());
            ImportOptions options = ImportOptions.DEFAULT.withDefaultSource("市级排查");
            ImportPlan plan = importer.plan(importer.read(list), into, options);
            assertEquals(List.of(), plan.errors(), "the list imports");
            ImportResult first = importer.apply(importer.read(list), into, options, (d, t) -> { });
            assertEquals(80, first.plan().count(PlannedRow.Change.ADDED), () -> first.plan().problems().toString());
            assertEquals(16, s.tasks().checklist(meeting.id()).stream()
                    .filter(r -> s.supervision().of(r.task().id()).isPresent()).count(), "挂牌督办 rows supervised");
            Task five = s.tasks().checklist(meeting.id()).stream().map(r -> r.task()).filter(t -> t.seq() == 5)
                    .findFirst().orElseThrow();
            List<org.duban.model.AuditEntry> history = s.audit().history(five.id()); // newest first
            assertEquals(org.duban.model.AuditEntity.SUPERVISION, history.get(0).entity(), history.toString());
            assertEquals(org.duban.model.AuditEntity.TASK, history.get(history.size() - 1).entity());
            assertEquals(history.size() - 1, history.get(0).id() - history.get(history.size() - 1).id(),
                    "a supervised task's rows, then its supervision's, one after another");
            assertClean(db, "after the first import");

            Meeting office = TestDb.emptyMeeting(db);
            OfficeLists.importInto(db, office, dir);
            assertClean(db, "after the office list");

            Task seven = s.tasks().checklist(meeting.id()).stream().map(r -> r.task()).filter(t -> t.seq() == 7)
                    .findFirst().orElseThrow();
            s.tasks().update(seven.id(), new TaskInput("7", "市级排查😀", "", "改过的问题" + "长".repeat(500), "", "",
                    "福安市、市水利局", "", "张三", "2027年底前", ""));
            s.supervision().supervise(seven.id(), "市长", LocalDate.of(2026, 4, 1), ReportingCycle.WEEKLY, "");
            s.tasks().create(meeting.id(), new TaskInput("81", "群众来信", "", "手工录入的问题👍🏻", "", "", "蕉城区", "", "",
                    "长期坚持", "007"));
            rows.set(2, Workbooks.row(3, "再次导入时改过的问题", "霞浦县", "2026年底前", ""));
            ImportResult again = importer.apply(importer.read(Workbooks.list(dir.resolve("清单2.xlsx"), rows)), into,
                    options.withUpdateDifferentList(true), (d, t) -> { });
            assertTrue(again.plan().count(PlannedRow.Change.UPDATED) >= 2, () -> again.plan().rows().stream()
                    .map(PlannedRow::change).toList().toString());
            assertClean(db, "after the form, supervision and a second import");
        }
    }

    private static Object cell(Random random) {
        Object c = CELLS[random.nextInt(CELLS.length)];
        return c instanceof String text ? text : "";
    }

    private static void assertClean(Database db, String when) {
        AuditChain.Verification v = AuditChain.verify(db);
        assertEquals(List.of(), v.broken(), when);
        assertEquals(List.of(), v.mismatches(), when);
        CheckReport report = Wired.of(db).checks().run();
        CheckReport.Result audit = report.results().stream().filter(r -> r.titleKey().equals("check.audit"))
                .findFirst().orElseThrow();
        assertEquals(List.of(), audit.findings(), when);
    }
}
