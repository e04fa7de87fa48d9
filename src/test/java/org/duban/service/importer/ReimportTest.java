package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.tasks.TaskService;
import org.duban.testing.OtherLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-importing lists over the sample meeting (45 tasks followed for a year): no import deletes a tracking record,
 * and a different list is not an update.
 */
class ReimportTest {
    /** Every tracking record of the ledger, counted table by table. */
    private static final String RECORDS = "SELECT (SELECT count(*) FROM progress_report) || '/' || "
            + "(SELECT count(*) FROM milestone) || '/' || (SELECT count(*) FROM close_out) || '/' || "
            + "(SELECT count(*) FROM evidence) || '/' || (SELECT count(*) FROM assignment)";
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private TaskImporter importer;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        meeting = Wired.of(db).meetings().all().stream().filter(m -> m.title().equals(SampleMeeting.TITLE))
                .findFirst().orElseThrow();
        importer = Wired.of(db).plainImporter();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportTarget.Existing sample() {
        return new ImportTarget.Existing(meeting.id());
    }

    private String records() {
        return TestDb.sqlString(db, RECORDS);
    }

    @Test
    void aDifferentListIsRefusedAsAnUpdateSayingWhyAndWritesNothing() {
        var file = importer.read(OtherLists.differentList(dir.resolve("另一份清单.xlsx")));
        ImportPlan plan = importer.plan(file, sample(), ImportOptions.DEFAULT);
        assertTrue(plan.errors().isEmpty(), plan.errors().toString());
        assertEquals(new ImportPlan.ListMatch(18, 0), plan.listMatch());
        assertTrue(plan.listMatch().different());
        assertEquals(18, plan.textChanges().size(), "every changed problem is listed side by side");
        assertTrue(plan.warnings().stream().noneMatch(p -> p.key().startsWith("import.problem.units")),
                "what changes data is not a 提示");
        String before = TestDb.contentDigest(db);

        DifferentListException refused = assertThrows(DifferentListException.class,
                () -> importer.apply(file, sample(), ImportOptions.DEFAULT, (d, t) -> { }));

        assertTrue(refused.getLocalizedMessage().contains("18 行里，有 18 行的问题描述"), refused.getLocalizedMessage());
        assertTrue(refused.getLocalizedMessage().contains(SampleMeeting.TITLE), refused.getLocalizedMessage());
        assertTrue(refused.getLocalizedMessage().contains("新会议"), refused.getLocalizedMessage());
        assertEquals(before, TestDb.contentDigest(db), "nothing written");

        ImportResult asNew = importer.apply(file, new ImportTarget.NewMeeting("", SampleMeeting.DATE.plusMonths(9)),
                ImportOptions.DEFAULT, (d, t) -> { });
        assertEquals(18, asNew.plan().count(PlannedRow.Change.ADDED));
        assertEquals(45, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE meeting_id = " + meeting.id()));
    }

    @Test
    void updatingWithADifferentListOnPurposeStillDeletesNoRecord() {
        String before = records();
        long maxShare = TestDb.sqlLong(db, "SELECT max(id) FROM assignment");
        var file = importer.read(OtherLists.differentList(dir.resolve("另一份清单.xlsx")));
        ImportResult r = importer.apply(file, sample(), ImportOptions.DEFAULT.withUpdateDifferentList(true), (d, t) -> { });

        assertEquals(18, r.plan().count(PlannedRow.Change.UPDATED));
        assertTrue(r.plan().withdrawals().size() > 10, "the other list names other units: " + r.plan().withdrawals().size());
        assertEquals(before.substring(0, before.lastIndexOf('/')), records().substring(0, records().lastIndexOf('/')),
                "reports, milestones, close-outs and evidence all kept");
        assertEquals(maxShare, TestDb.sqlLong(db, "SELECT count(*) FROM assignment WHERE id <= " + maxShare),
                "every share kept (the other list's new units got new ones)");
        assertEquals(r.plan().withdrawals().size(), TestDb.sqlLong(db,
                "SELECT count(*) FROM assignment WHERE withdrawn_by = " + r.run().id()));
    }

    @Test
    void aRevisedListDroppingAUnitKeepsItsRecordsWithdrawnAndRestorable() {
        // a share that holds reports and evidence, on a task with other units
        long share = TestDb.sqlLong(db, "SELECT a.id FROM assignment a WHERE "
                + "(SELECT count(*) FROM evidence e WHERE e.assignment_id = a.id) > 0 "
                + "AND (SELECT count(*) FROM progress_report r WHERE r.assignment_id = a.id) > 0 "
                + "AND (SELECT count(*) FROM assignment b WHERE b.task_id = a.task_id) > 1 ORDER BY a.id LIMIT 1");
        long taskId = TestDb.sqlLong(db, "SELECT task_id FROM assignment WHERE id = " + share);
        int seq = (int) TestDb.sqlLong(db, "SELECT seq FROM task WHERE id = " + taskId);
        String unit = TestDb.sqlString(db, "SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit_id "
                + "WHERE a.id = " + share);
        String others = TestDb.sqlString(db, "SELECT group_concat(u.name, '、') FROM assignment a "
                + "JOIN unit u ON u.id = a.unit_id WHERE a.task_id = " + taskId + " AND a.id <> " + share);
        String shareRecords = "SELECT (SELECT count(*) FROM progress_report WHERE assignment_id = " + share + ") || '/' || "
                + "(SELECT count(*) FROM milestone WHERE assignment_id = " + share + ") || '/' || "
                + "(SELECT count(*) FROM close_out WHERE assignment_id = " + share + ") || '/' || "
                + "(SELECT count(*) FROM evidence WHERE assignment_id = " + share + ")";
        String kept = TestDb.sqlString(db, shareRecords);
        String before = records();

        var file = importer.read(OtherLists.sampleList(dir.resolve("修订清单.xlsx"), OtherLists.units(seq, others)));
        ImportPlan plan = importer.plan(file, sample(), ImportOptions.DEFAULT);
        assertTrue(plan.errors().isEmpty(), plan.errors().toString());
        assertEquals(new ImportPlan.ListMatch(45, 45), plan.listMatch(), "the same list, revised");
        assertEquals(1, plan.withdrawals().size());
        PlannedRow.Withdrawal w = plan.withdrawals().get(0);
        assertEquals(unit, w.unit().name());
        assertTrue(w.records().evidence() > 0 && w.records().reports() > 0, w.recordsText());
        ImportResult r = importer.apply(file, sample(), ImportOptions.DEFAULT, (d, t) -> { });

        assertEquals(before, records(), "no tracking record deleted");
        assertEquals(kept, TestDb.sqlString(db, shareRecords));
        assertEquals(r.run().id(), TestDb.sqlLong(db, "SELECT withdrawn_by FROM assignment WHERE id = " + share));
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'ASSIGNMENT' "
                + "AND entity_id = " + share + " AND field = 'withdrawnBy' AND new_value = '" + r.run().id() + "'"));
        TaskService tasks = Wired.of(db).tasks();
        assertTrue(tasks.checklist(meeting.id()).stream().filter(c -> c.task().id() == taskId).findFirst()
                .orElseThrow().units().stream().noneMatch(u -> u.name().equals(unit)));
        assertEquals(List.of(share), tasks.withdrawnShares(taskId).stream().map(x -> x.assignment().id()).toList());

        tasks.restoreShare(share);
        assertTrue(tasks.checklist(meeting.id()).stream().filter(c -> c.task().id() == taskId).findFirst()
                .orElseThrow().units().stream().anyMatch(u -> u.name().equals(unit)));
        assertEquals(kept, TestDb.sqlString(db, shareRecords));

        // importing the revised list again withdraws it again; the original list puts it back
        importer.apply(file, sample(), ImportOptions.DEFAULT, (d, t) -> { });
        ImportResult back = importer.apply(importer.read(OtherLists.sampleList(dir.resolve("原清单.xlsx"), t -> t)),
                sample(), ImportOptions.DEFAULT, (d, t) -> { });
        assertEquals(1, back.plan().restoredCount());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM assignment WHERE withdrawn_on IS NOT NULL"));
        assertEquals(before, records());
    }
}
