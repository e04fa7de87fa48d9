package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.tracking.ProgressService;
import org.duban.testing.OtherLists;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undoing the last import restores the backup taken before it, while nothing else was written since. */
@org.junit.jupiter.api.Tag("sqlite-file") // the undo restores the backup file taken before the import
class ImportUndoTest {
    /** The tasks and shares as stored, in one string: equal before the import and after its undo. */
    private static final String TASKS = "SELECT group_concat(x, '|') FROM (SELECT t.seq || t.problem || t.source || "
            + "(SELECT group_concat(a.unit_id || coalesce(a.withdrawn_on, ''), ',') FROM assignment a "
            + "WHERE a.task_id = t.id) AS x FROM task t ORDER BY t.meeting_id, t.seq)";
    @TempDir
    Path dir;
    private Database db;
    private AuditLog audit;
    private Meeting meeting;
    private TaskImporter importer;
    private ImportUndo undo;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 30)));
        meeting = Wired.of(db).meetings().all().stream().filter(m -> m.title().equals(SampleMeeting.TITLE))
                .findFirst().orElseThrow();
        importer = Wired.of(audit).importer();
        undo = Wired.of(audit).importUndo();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportResult importRevisedList() {
        var file = importer.read(OtherLists.sampleList(dir.resolve("修订清单.xlsx"), OtherLists.units(1, "蕉城区、霞浦县")));
        return importer.apply(file, new ImportTarget.Existing(meeting.id()), ImportOptions.DEFAULT, (d, t) -> { });
    }

    @Test
    void theLastImportIsUndoneByRestoringItsBackup() {
        String before = TestDb.sqlString(db, TASKS);
        ImportResult r = importRevisedList();
        assertTrue(r.run().backupFile().endsWith("-import.db"), r.run().backupFile());
        assertFalse(before.equals(TestDb.sqlString(db, TASKS)), "the import withdrew 福安市 from task 1");

        ImportUndo.State state = undo.state(r);
        assertTrue(state.possible(), state.toString());
        assertEquals(r.run().backupFile(), state.backup().getFileName().toString());

        undo.undo(r, p -> { });

        assertEquals(before, TestDb.sqlString(db, TASKS));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM import_run"), "the ledger as before the import");
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'IMPORT' "
                + "AND action = 'DELETE' AND old_value LIKE '修订清单.xlsx ← %'"), "the undo is noted in the history");
        assertTrue(Wired.of(db).backups().list().stream().anyMatch(b -> b.reason().tag().equals("restore")),
                "the ledger with the import is itself kept as a backup");
    }

    @Test
    void afterAnotherChangeTheUndoIsRefusedAndSaysWhatWasWritten() {
        ImportResult r = importRevisedList();
        long share = TestDb.sqlLong(db, "SELECT min(id) FROM assignment WHERE withdrawn_on IS NULL");
        Wired.of(audit).progress().addReport(share, new ProgressService.ReportInput(LocalDate.of(2026, 11, 30), "90",
                "导入之后录入的进展", "办公室"), List.of());
        String after = TestDb.contentDigest(db.file());

        ImportUndo.State state = undo.state(r);
        assertFalse(state.possible());
        assertEquals(1, state.writtenRows());
        LocalizedException e = assertThrows(LocalizedException.class, () -> undo.undo(r, p -> { }));
        assertTrue(e.getLocalizedMessage().contains(r.run().backupFile()), e.getLocalizedMessage());
        assertEquals(after, TestDb.contentDigest(db.file()), "nothing restored");
    }

    @Test
    void aSettingChangedSinceAlsoStopsTheUndo() {
        ImportResult r = importRevisedList();
        new org.duban.persistence.SettingsRepository(db).put("handout.city", "宁德市");
        ImportUndo.State state = undo.state(r);
        assertFalse(state.possible());
        assertTrue(state.otherChanges());
    }
}
