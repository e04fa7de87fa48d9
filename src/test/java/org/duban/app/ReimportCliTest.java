package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.duban.testing.CliRunner;
import org.duban.testing.OtherLists;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} over the sample meeting: a different list is refused as an update, a revision is listed side by side. */
class ReimportCliTest {
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void sample() {
        db = dir.resolve("sample.db");
        assertEquals(0, CliRunner.run("--db", db.toString(), "sample").code());
    }

    @Test
    void aDifferentListIsRefusedWithTheReasonUnlessTheMeetingIsNamedWithUpdate() {
        Path other = OtherLists.differentList(dir.resolve("另一份清单.xlsx"));
        String before = TestDb.contentDigest(db);

        CliRunner.Result refused = CliRunner.run("--db", db.toString(), "import", other.toString());
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.err().contains("有 18 行的问题描述"), refused.err());
        assertTrue(refused.err().contains("--meeting 1 --update"), refused.err());
        assertTrue(refused.out().contains("问题描述改变的任务 18 项"), refused.out());
        assertTrue(refused.out().contains("原：三都澳海域海上养殖无序扩张"), refused.out());
        assertTrue(refused.out().contains("新：闽江流域部分支流沿岸生猪养殖场污染反弹"), refused.out());
        assertTrue(refused.out().contains("这是另一份清单：未导入任何内容。"), refused.out());
        assertEquals(before, TestDb.contentDigest(db));

        CliRunner.Result dry = CliRunner.run("--db", db.toString(), "import", other.toString(), "--dry-run", "--json");
        assertEquals(1, dry.code());
        assertTrue(dry.out().contains("\"differentList\": true"), dry.out());
        assertEquals(before, TestDb.contentDigest(db));

        CliRunner.Result noMeeting = CliRunner.run("--db", db.toString(), "import", other.toString(), "--update");
        assertEquals(1, noMeeting.code());
        assertTrue(noMeeting.err().contains("--meeting ID"), noMeeting.err());

        CliRunner.Result asked = CliRunner.run("--db", db.toString(), "import", other.toString(), "--meeting", "1",
                "--update");
        assertEquals(0, asked.code(), asked.err());
        assertTrue(asked.out().contains("撤出的单位分解"), asked.out());
        assertTrue(asked.out().contains("导入前的数据已备份为"), asked.out());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE action = 'DELETE'"),
                "nothing deleted");
    }

    @Test
    void aDifferentListGoesIntoANewMeeting() {
        Path other = OtherLists.differentList(dir.resolve("另一份清单.xlsx"));
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "import", other.toString(), "--new-meeting");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("新增 18"), r.out());
        assertEquals(3 + 1, TestDb.sqlLong(db, "SELECT count(*) FROM meeting"));
    }

    @Test
    void aRevisedListUpdatesTheCurrentMeetingAndListsTheWithdrawnShare() {
        Path revised = OtherLists.sampleList(dir.resolve("修订清单.xlsx"), OtherLists.units(1, "蕉城区、霞浦县"));
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "import", revised.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("问题描述相同或相近 45 行"), r.out());
        assertTrue(r.out().contains("撤出的单位分解 1 项"), r.out());
        assertTrue(r.out().matches("(?s).*序号 1：福安市（\\d+ 条进展、\\d+ 个节点.*"), r.out());
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM assignment WHERE withdrawn_on IS NOT NULL"));
    }
}
