package org.duban.service.bulletin;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.handout.FontPreference;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;

class ScratchBulletinTest {
    @Test
    void scratch() throws Exception {
        Path dir = Path.of("/tmp/h7/scratch");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.deleteIfExists(dir.resolve("test.db"));
        try (Database db = TestDb.withSample(dir)) {
            BulletinService s = new BulletinService(new AuditLog(db, new TestClock(LocalDate.of(2026, 11, 29))));
            Bulletin b = s.prepare(null, LocalDate.of(2026, 11, 29));
            System.out.println(BulletinService.document(b).text());
            BulletinService.write(b, dir.resolve("b.pdf"), FontPreference.BUNDLED);
            BulletinService.write(b, dir.resolve("b.docx"), FontPreference.BUNDLED);
        }
    }
}
