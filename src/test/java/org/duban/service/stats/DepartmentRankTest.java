package org.duban.service.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.TaskImporter;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.WordLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** City departments ranked by the tasks they lead as well as by the shares they carry (issue 14). */
class DepartmentRankTest {
    @TempDir
    Path dir;

    @Test
    void departmentsCountTheTasksTheyLeadAndTheSharesTheyCarry() {
        Path file = WordLists.write(dir.resolve("清单.docx"), List.of("附件1"), List.of(
                List.of("序号", "问题描述", "牵头单位", "责任单位", "完成时限", "来源"),
                List.of("1", "国省道沿线扬尘污染", "市住建局", "蕉城区、福安市", "2026年6月底前", "市级排查"),
                List.of("2", "城区餐饮油烟扰民", "市住建局", "市城市管理局", "2026年9月30日", "市级排查"),
                List.of("3", "养殖尾水直排", "市海洋与渔业局", "霞浦县、市住建局", "2026年底前", "市级排查")));
        Meeting meeting;
        try (Database db = TestDb.withRoster(dir)) {
            meeting = TestDb.emptyMeeting(db);
            TaskImporter importer = Wired.of(db).plainImporter();
            importer.apply(importer.read(file), new ImportTarget.Existing(meeting.id()), ImportOptions.DEFAULT,
                    (d, t) -> { });
            List<DepartmentRank> ranks = Wired.of(db).stats().departments(StatsScope.meeting(meeting.id()),
                    LocalDate.of(2026, 4, 1));
            assertEquals(List.of("市住房和城乡建设局", "市海洋与渔业局", "市城市管理局"),
                    ranks.stream().map(r -> r.unit().name()).toList(), "roster order on a tie; counties left out");
            DepartmentRank housing = ranks.get(0);
            assertEquals(2, housing.led());
            assertEquals(1, housing.carried());
            assertEquals(0, housing.ledCompleted());
            assertEquals(1, housing.rank());
            assertEquals(1, ranks.get(1).led());
            assertEquals(0, ranks.get(1).carried());
            assertEquals(0, ranks.get(2).led());
            assertEquals(1, ranks.get(2).carried());
            assertTrue(ranks.stream().allMatch(r -> r.rank() == 1), "nothing completed yet: all tie");
        }
        if (TestDb.onServer()) {
            return; // the command line below reads the ledger file; commands on the server: CopyToCommandTest
        }
        CliRunner.Result r = CliRunner.run("--db", dir.resolve("test.db").toString(), "stats", "--as-of", "2026-04-01");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("市直部门排名"), r.out());
        assertTrue(r.out().contains("牵头 2 项（完成 0，逾期 0），承担 1 项（完成 0），完成率 0%"), r.out());
    }
}
