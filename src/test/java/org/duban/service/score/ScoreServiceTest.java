package org.duban.service.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.ladder.NoticeService;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.service.tracking.ProgressService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 考评: a ledger with known events gives known scores; a new rule set applies from its day only. */
class ScoreServiceTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final String RULES = """
            # 测试规则
            基础分 = 100
            按期完成（牵头） = 2
            按期完成（责任） = 1
            超期 = -2
            催办单 = -1
            """;
    @TempDir
    Path dir;
    Database db;
    AuditLog audit;
    ScoreService scores;

    @BeforeEach
    void setUp() {
        db = TestDb.withRoster(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        Meeting m = TestDb.emptyMeeting(db);
        TaskService tasks = Wired.of(audit).tasks();
        ProgressService progress = Wired.of(audit).progress();
        Task t1 = tasks.create(m.id(), input("1", "蕉城区、福安市", "2026年6月30日"));
        Task t2 = tasks.create(m.id(), input("2", "福安市、蕉城区", "2026年6月30日"));
        Task t3 = tasks.create(m.id(), input("3", "蕉城区", "2026年10月31日"));
        UnitRepository roster = new UnitRepository(db);
        long jc = roster.findByName("蕉城区").orElseThrow().id();
        long fa = roster.findByName("福安市").orElseThrow().id();
        report(progress, t1, jc, "2026-05-10", 100); // two counties: both 责任单位, on time
        report(progress, t1, fa, "2026-06-20", 100); // on time
        report(progress, t2, fa, "2026-07-15", 100); // completed late
        report(progress, t2, jc, "2026-06-01", 50); // still open: overdue
        report(progress, t3, jc, "2026-10-01", 100); // its only unit: 牵头, on time
        NoticeService notices = Wired.of(audit).notices();
        notices.issue(jc, NoticeLevel.CHASE, LocalDate.of(2026, 9, 1), false,
                List.of(new NoticeShare(t2.id(), share(t2, jc), "2．测试", "2026年6月30日", 63, "")));
        scores = Wired.of(audit).scores();
        scores.saveRuleSet(JAN, "2026年度", RULES);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static TaskInput input(String seq, String units, String deadline) {
        return new TaskInput(seq, "省级督察", "大气环境", "测试任务" + seq, "", "", units, "", "", deadline, "");
    }

    private static long share(Task t, long unitId) {
        return t.assignments().stream().filter(a -> a.unitId() == unitId).findFirst().orElseThrow().id();
    }

    private static void report(ProgressService p, Task t, long unitId, String day, int percent) {
        p.addReport(share(t, unitId), new ProgressService.ReportInput(LocalDate.parse(day),
                String.valueOf(percent), "进展" + percent, "测试"), List.of());
    }

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void knownEventsGiveKnownScores() {
        ScoreService.ScoreTable table = scores.score(JAN, DAY);
        assertEquals(2, table.units().size(), "only units with shares");
        UnitScore jc = table.of("蕉城区").orElseThrow();
        UnitScore fa = table.of("福安市").orElseThrow();
        assertEquals(0, n("100").compareTo(jc.total()), "100 + 1 + 2 - 2 - 1: " + jc.events());
        assertEquals(0, n("99").compareTo(fa.total()), "100 + 1 - 2: " + fa.events());
        assertEquals(1, jc.rank());
        assertEquals(2, fa.rank());
        assertTrue(jc.events().stream().anyMatch(e -> e.rule() == ScoreRules.Rule.ON_TIME_LEAD && e.seq() == 3));
        assertTrue(jc.events().stream().anyMatch(e -> e.rule() == ScoreRules.Rule.ON_TIME_OTHER && e.seq() == 1));
        assertEquals(4, jc.events().size());
        assertTrue(jc.events().stream().anyMatch(e -> e.rule() == ScoreRules.Rule.CHASE
                && e.text().contains("督催〔2026〕1号")));
        assertTrue(fa.events().stream().anyMatch(e -> e.rule() == ScoreRules.Rule.OVERDUE
                && e.day().equals(LocalDate.of(2026, 7, 15)) && e.seq() == 2));
        // a later start leaves out what happened before it (the overdue share counts on the score's day)
        UnitScore jcAutumn = scores.score(LocalDate.of(2026, 9, 15), DAY).of("蕉城区").orElseThrow();
        assertEquals(0, n("100").compareTo(jcAutumn.total()), "100 + 2 (10-01) - 2 (overdue): " + jcAutumn.events());
    }

    @Test
    void aNewRuleSetAppliesFromItsDayOnly() {
        scores.saveRuleSet(LocalDate.of(2026, 7, 1), "下半年", RULES.replace("超期 = -2", "超期 = -5")
                .replace("按期完成（责任） = 1", "按期完成（责任） = 3"));
        ScoreService.ScoreTable table = scores.score(JAN, DAY);
        UnitScore jc = table.of("蕉城区").orElseThrow();
        UnitScore fa = table.of("福安市").orElseThrow();
        // 福安市: on time on 06-20 under the first set (+1), late on 07-15 under the second (-5)
        assertEquals(0, n("96").compareTo(fa.total()), fa.events().toString());
        assertTrue(fa.events().stream().anyMatch(e -> e.rule() == ScoreRules.Rule.ON_TIME_OTHER
                && e.points().compareTo(n("1")) == 0 && e.rulesFrom().equals(JAN)));
        // 蕉城区: +1 (05-10, first set) +2 (10-01) -5 (overdue, counted on 11-29) -1
        assertEquals(0, n("97").compareTo(jc.total()), jc.events().toString());
        assertEquals(LocalDate.of(2026, 7, 1), table.rules().effectiveFrom());
        // scored as of a day before the change, the first set alone applies
        UnitScore faJune = scores.score(JAN, LocalDate.of(2026, 6, 30)).of("福安市").orElseThrow();
        assertEquals(0, n("101").compareTo(faJune.total()), faJune.events().toString());
    }

    @Test
    void capsAndTheDefaultSet() {
        scores.saveRuleSet(JAN, "2026年度", RULES + "最高分 = 100\n扣分上限 = 1\n");
        ScoreService.ScoreTable table = scores.score(JAN, DAY);
        UnitScore jc = table.of("蕉城区").orElseThrow();
        assertEquals(0, n("100").compareTo(jc.total()));
        assertTrue(jc.capped());
        UnitScore fa = table.of("福安市").orElseThrow();
        assertEquals(0, n("100").compareTo(fa.total()), "100 + 1 - min(2, 1)");
        scores.deleteRuleSet(JAN);
        assertEquals(LocalDate.of(1900, 1, 1), scores.inForce(DAY).effectiveFrom(), "the built-in set");
        assertFalse(scores.score(JAN, DAY).units().isEmpty());
    }

    @Test
    void aBadRuleIsRefusedWithItsLine() {
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> scores.saveRuleSet(JAN, "", "基础分 = 100\n迟到 = -1\n"));
        assertEquals("score.error.line", e.key());
        assertEquals(2, e.args()[0]);
        assertThrows(LocalizedException.class, () -> scores.saveRuleSet(JAN, "", "超期 = 很多"));
        assertThrows(LocalizedException.class, () -> scores.saveRuleSet(JAN, "", "超期 -2"));
        assertThrows(LocalizedException.class, () -> scores.score(DAY, JAN));
        assertEquals(0, n("-2").compareTo(scores.inForce(DAY).points(ScoreRules.Rule.OVERDUE)), "unchanged");
    }
}
