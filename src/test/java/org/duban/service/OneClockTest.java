package org.duban.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.duban.app.cli.DubanCommand;
import org.duban.model.AuditEntry;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.persistence.Database;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Today" is one clock's: the one given to {@link Services}, or the command line's {@code duban.today}. */
class OneClockTest {
    private static final LocalDate DAY = LocalDate.of(2031, 5, 4);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void oneFixedClockIsTodayForEveryService() {
        try (Database db = TestDb.withRoster(dir)) {
            Services services = Services.over(db, Clock.fixed(DAY.atTime(9, 30).atZone(ZONE).toInstant(), ZONE));

            assertEquals(List.of(DAY, DAY, DAY, DAY, DAY, DAY, DAY, DAY, DAY),
                    List.of(services.today(), services.audit().today(), services.tracking().today(),
                            services.stats().today(), services.meetings().today(), services.desk().today(),
                            services.bulletins().today(), services.scores().today(),
                            services.inspections().today()));
            services.meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, DAY.minusDays(3), "交办会", ""));
            List<AuditEntry> rows = services.repositories().audit().findAll();
            assertTrue(!rows.isEmpty(), "the meeting was audited");
            assertTrue(rows.stream().allMatch(e -> e.at().atZone(ZONE).toLocalDate().equals(DAY)),
                    "every audit row is stamped on the fixed day: " + rows);
        }
    }

    @Test
    void theCommandLineTakesTodayFromOneProperty() {
        Path db = dir.resolve("d.db");
        assertEquals(0, CliRunner.run("--db", db.toString(), "init").code());
        System.setProperty(DubanCommand.TODAY_PROPERTY, DAY.toString());
        try {
            // units retire without --on: the day is today
            CliRunner.Result retire = CliRunner.run("--db", db.toString(), "units", "retire", "柘荣");
            assertEquals(0, retire.code(), retire.err());
            assertTrue(retire.out().contains("柘荣县 已于 " + DAY + " 停用"), retire.out());
        } finally {
            System.clearProperty(DubanCommand.TODAY_PROPERTY);
        }
    }
}
