package org.duban.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.TaskImporter;
import org.duban.service.sample.SampleMeeting;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of many rows goes into the database file when it is done, not only into the log: while the window stays
 * open for hours, a damaged log could otherwise take a whole import with it.
 */
class CommittedWorkInTheFileTest {
    @TempDir
    Path dir;

    /** The database file alone, without its log: what a crash that then lost the log would leave. */
    private long tasksInTheFileAlone(Path file) throws Exception {
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("copy.db");
        Files.copy(file, alone, StandardCopyOption.REPLACE_EXISTING);
        return TestDb.sqlLong(alone, "SELECT count(*) FROM task");
    }

    @Test
    void theSampleAndAnImportAreInTheDatabaseFileWhileTheLedgerIsStillOpen() throws Exception {
        Path file = dir.resolve("d.db");
        try (Database db = Database.open(file)) {
            Meeting m = SampleMeeting.load(Wired.of(db));
            long tasks = new TaskRepository(db).findByMeeting(m.id()).size();
            assertEquals(0, Files.size(dir.resolve("d.db-wal")), "the log is emptied");
            assertEquals(tasks, tasksInTheFileAlone(file));

            Path list = Workbooks.list(dir.resolve("清单.xlsx"), List.of(
                    List.of("1", "某入河排污口整治", "蕉城区", "2026年12月底前", ""),
                    List.of("2", "某码头扬尘治理", "福安市", "2026年12月底前", "")));
            TaskImporter importer = Wired.of(db).plainImporter();
            importer.apply(importer.read(list), new ImportTarget.NewMeeting("导入", LocalDate.of(2026, 4, 1)),
                    ImportOptions.DEFAULT.withDefaultSource("市级排查"), (d, t) -> { });
            assertEquals(tasks + 2, tasksInTheFileAlone(file), "an import too");
        }
    }
}
