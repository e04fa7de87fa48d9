package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code units list|add|alias|rename|retire|reinstate|merge}, as other offices' scripts call them. */
class UnitsCliTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(Path db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.run(all);
    }

    @Test
    void theRosterIsManagedFromTheCommandLine() {
        Path db = dir.resolve("d.db");
        assertEquals(0, run(db, "init").code());

        CliRunner.Result add = run(db, "units", "add", "市应急管理局", "--alias", "市应急局", "--alias", "宁德市应急管理局");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("已添加单位：市应急管理局（简称 应急管理局，市直部门）"), add.out());

        CliRunner.Result clash = run(db, "units", "add", "市住建局");
        assertEquals(1, clash.code());
        assertTrue(clash.err().contains("“市住建局”已是“市住房和城乡建设局”的名称、简称或别名"), clash.err());

        CliRunner.Result alias = run(db, "units", "alias", "应急管理局", "应急局");
        assertEquals(0, alias.code(), alias.err());
        assertTrue(alias.out().contains("市应急局；宁德市应急管理局；应急局"), alias.out());

        assertEquals(0, run(db, "units", "rename", "市城市管理局", "市城市管理和综合执法局").code());
        CliRunner.Result retire = run(db, "units", "retire", "柘荣", "--on", "2026-12-01");
        assertEquals(0, retire.code(), retire.err());
        assertTrue(retire.out().contains("柘荣县 已于 2026-12-01 停用"), retire.out());

        CliRunner.Result list = run(db, "units", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("市应急管理局"), list.out());
        assertTrue(list.out().contains("（2026-12-01 停用）"), list.out());
        assertTrue(list.out().contains("别名：市城市管理局；市城管局"), list.out());
        CliRunner.Result json = run(db, "units", "list", "--json");
        assertTrue(json.out().contains("\"retiredOn\": \"2026-12-01\""), json.out());

        assertEquals(0, run(db, "units", "reinstate", "柘荣县").code());
        CliRunner.Result merge = run(db, "units", "merge", "市应急管理局", "市生态环境局");
        assertEquals(0, merge.code(), merge.err());
        assertTrue(merge.out().contains("已将 市应急管理局 并入 市生态环境局"), merge.out());
        assertEquals("CREATE:,UPDATE:aliases,UPDATE:name,UPDATE:aliases,UPDATE:retiredOn,UPDATE:retiredOn,"
                + "UPDATE:retiredOn,UPDATE:mergedInto", TestDb.sqlString(db, "SELECT group_concat(action || ':' || field) "
                + "FROM audit_log WHERE entity = 'UNIT'"),
                "add, alias, rename (name and aliases), retire and reinstate, merge (retired and merged) are audited: "
                        + TestDb.sqlString(db, "SELECT group_concat(action || ':' || field) FROM audit_log WHERE entity = 'UNIT'"));
    }
}
