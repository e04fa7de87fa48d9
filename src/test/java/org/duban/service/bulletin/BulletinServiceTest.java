package org.duban.service.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.i18n.LocalizedException;
import org.duban.model.BulletinTotals;
import org.duban.model.BulletinUnitLine;
import org.duban.model.IssuedBulletin;
import org.duban.model.TaskStatus;
import org.duban.persistence.BulletinRepository;
import org.duban.persistence.Database;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.Stats;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.UnitGroup;
import org.duban.service.stats.UnitRank;
import org.duban.service.stats.UnitStats;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulletin's figures on the sample's year, and how it compares with the bulletins issued before. */
class BulletinServiceTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private BulletinService service;

    @BeforeEach
    void sample() {
        db = TestDb.withSample(dir);
        service = Wired.over(db, new TestClock(DAY)).bulletins();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void bulletinFiguresEqualTheStatisticsService() {
        Bulletin b = service.prepare(null, DAY);
        Stats stats = Wired.of(db).stats().stats((Long) null, DAY);
        BulletinTotals t = b.totals();
        assertEquals(stats.tasks(), t.tasks());
        assertEquals(stats.assignments(), t.assignments());
        assertEquals(stats.overdueAssignments(), t.overdueAssignments());
        assertEquals(stats.overdueTasks(), t.overdueTasks());
        assertEquals(stats.supervisedTasks(), t.supervisedTasks());
        assertEquals(stats.assignmentsByStatus().getOrDefault(TaskStatus.CLOSED, 0), t.closedAssignments());
        assertEquals(stats.units().stream().mapToInt(UnitStats::completed).sum(), t.completedAssignments());
        assertEquals(45, t.tasks(), "the sample's 45 tasks");
        // the ranking is issue 4's, counted the same way: same units, same order, same ranks and rates
        Ranking ranking = Wired.of(db).stats().ranking(StatsScope.all(), UnitGroup.COUNTIES, DAY, null);
        assertEquals(ranking.rows().stream().map(r -> r.unit().name() + r.rank() + "/" + r.completed()).toList(),
                b.counties().rows().stream().map(r -> r.unit().name() + r.rank() + "/" + r.completed()).toList());
        assertEquals(10, b.counties().rows().size(), "nine county-level units and 东侨");
        // and the table printed from it says the same
        BulletinDocument.Table table = (BulletinDocument.Table) BulletinService.document(b).blocks().stream()
                .filter(x -> x instanceof BulletinDocument.Table).findFirst().orElseThrow();
        for (int i = 0; i < table.rows().size(); i++) {
            UnitRank r = ranking.rows().get(i);
            UnitStats s = stats.units().stream().filter(u -> u.unit().id() == r.unit().id()).findFirst().orElseThrow();
            assertEquals(List.of(String.valueOf(r.rank()), r.unit().name(), String.valueOf(s.assignments()),
                    String.valueOf(s.completed()), String.valueOf(s.count(TaskStatus.CLOSED)),
                    String.valueOf(s.overdue())), table.rows().get(i).subList(0, 6));
        }
    }

    @Test
    void rankChangeIsAgainstTheStoredEarlierBulletinNotARecount() {
        // an earlier bulletin whose printed ranks are the reverse of today's order
        Ranking now = service.prepare(null, DAY).counties();
        int n = now.rows().size();
        List<BulletinUnitLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UnitRank r = now.rows().get(i);
            lines.add(new BulletinUnitLine(r.unit().id(), r.unit().name(), 1, 0, 0, 0, 0.0, n - i));
        }
        LocalDate earlier = LocalDate.of(2026, 11, 1);
        new BulletinRepository(db).replace(new IssuedBulletin(0, null, earlier, Instant.parse("2026-11-01T02:00:00Z"),
                new BulletinTotals(45, 154, 0, 0, 0, 0, 0, 0), lines));

        Bulletin b = service.prepare(null, DAY);
        assertEquals(earlier, b.previous().asOf());
        assertEquals(earlier, b.counties().since());
        for (int i = 0; i < n; i++) {
            UnitRank r = b.counties().rows().get(i);
            assertEquals(n - i, r.previousRank(), r.unit().name());
            assertEquals((n - i) - r.rank(), r.change());
        }
        UnitRank first = b.counties().rows().get(0);
        assertEquals("↑" + (n - first.rank()), BulletinText.change(b.counties(), first));
        // a recount of 1 November ranks differently: the change shown is the one readers saw, not a recount
        Ranking recount = Wired.of(db).stats().ranking(StatsScope.all(), UnitGroup.COUNTIES, DAY, earlier);
        assertNotEquals(recount.rows().stream().map(UnitRank::previousRank).toList(),
                b.counties().rows().stream().map(UnitRank::previousRank).toList());
        assertTrue(BulletinService.document(b).text().contains("与上期（2026年11月1日）相比"));
    }

    @Test
    void theSampleBulletinComparesWithTheAutumnPushMeetingsBulletin() {
        Bulletin b = service.prepare(null, DAY);
        assertEquals(LocalDate.of(2026, 9, 29), b.previous().asOf());
        assertEquals(3, b.number(), "the July and September bulletins came first");
        long storedRank = TestDb.sqlLong(db, "SELECT bu.rank FROM bulletin_unit bu JOIN bulletin b "
                + "ON b.id = bu.bulletin_id JOIN unit u ON u.id = bu.unit_id WHERE b.as_of = '2026-09-29' "
                + "AND u.name = '福鼎市'");
        UnitRank fuding = b.counties().rows().stream().filter(r -> r.unit().name().equals("福鼎市")).findFirst()
                .orElseThrow();
        assertEquals(storedRank, fuding.previousRank().longValue());
    }

    @Test
    void theFirstBulletinShowsNoChange() {
        Bulletin b = service.prepare(null, LocalDate.of(2026, 6, 30));
        assertNull(b.previous());
        assertNull(b.counties().since());
        assertTrue(b.isDraft(), "the July bulletin is already issue 1, so one for June can only be a draft");
        assertTrue(b.counties().rows().stream().allMatch(r -> BulletinText.change(b.counties(), r).isEmpty()));
        assertTrue(BulletinService.document(b).text().contains("本期为首期通报"));
    }

    @Test
    void issuingAgainForTheSameDayReplacesTheFiguresAndKeepsTheNumber() {
        Bulletin b = service.prepare(null, DAY);
        service.issue(b);
        long rows = TestDb.sqlLong(db, "SELECT count(*) FROM bulletin");
        Bulletin again = service.prepare(null, DAY);
        assertEquals(b.number(), again.number());
        assertEquals(LocalDate.of(2026, 9, 29), again.previous().asOf(), "not compared with itself");
        service.issue(again);
        assertEquals(rows, TestDb.sqlLong(db, "SELECT count(*) FROM bulletin"));
        assertEquals(b.counties().rows().size() + b.departments().rows().size(), TestDb.sqlLong(db,
                "SELECT count(*) FROM bulletin_unit bu JOIN bulletin b ON b.id = bu.bulletin_id "
                        + "WHERE b.as_of = '2026-11-29'"));
        assertEquals(b.totals().completedAssignments(), TestDb.sqlLong(db,
                "SELECT completed_assignments FROM bulletin WHERE as_of = '2026-11-29'"));
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'BULLETIN' "
                + "AND new_value LIKE '第3期 2026-11-29%' AND id = (SELECT max(id) FROM audit_log)"));
    }

    @Test
    void aBulletinForADayBeforeOneIssuedIsADraftWithoutANumber() {
        LocalDate august = LocalDate.of(2026, 8, 1); // between the issued July (1) and September (2) bulletins
        Bulletin b = service.prepare(null, august);
        assertTrue(b.isDraft());
        assertNull(b.number(), "not 2: the September bulletin went out as issue 2");
        String text = BulletinService.document(b).text();
        assertTrue(text.contains("第　　期（草稿）"), text.substring(0, 80));
        assertFalse(text.contains("第2期"), text.substring(0, 80));
        assertEquals(LocalDate.of(2026, 7, 16), b.previous().asOf(), "a draft still shows the change since July");
        LocalizedException refused = assertThrows(LocalizedException.class, () -> service.issue(b));
        assertEquals("bulletin.error.laterIssued", refused.key());
        String said = refused.getLocalizedMessage();
        assertTrue(said.contains("第2期") && said.contains("2026-09-29"), said);
        assertEquals(2, TestDb.sqlLong(db, "SELECT count(*) FROM bulletin"), "nothing issued");
    }

    @Test
    void aDraftCarriesNoNumberAndIsNeverIssuedButTheSameDayAgainKeepsItsNumber() {
        Bulletin draft = service.draft(null, DAY);
        assertNull(draft.number());
        assertTrue(BulletinService.document(draft).title().endsWith("推进情况通报（草稿）"),
                BulletinService.document(draft).title());
        LocalizedException e = assertThrows(LocalizedException.class, () -> service.issue(draft));
        assertEquals("bulletin.error.draft", e.key());
        assertEquals(1, service.prepare(null, LocalDate.of(2026, 7, 16)).number(),
                "the day of an issued bulletin may be issued again, as the same issue");
        assertEquals(3, service.prepare(null, DAY).number());
    }

    @Test
    void laggingUnitsFollowTheRuleInTheSettings() {
        BulletinSettings settings = service.settings();
        settings.save(new BulletinSettings.Values(new LaggingRule(LaggingRule.Kind.BOTTOM, 2, 60), "", true));
        Bulletin b = service.prepare(null, DAY);
        List<UnitRank> rows = b.counties().rows();
        assertEquals(List.of(rows.get(rows.size() - 1).unit(), rows.get(rows.size() - 2).unit()),
                b.lagging().stream().map(UnitRank::unit).toList());
        settings.save(new BulletinSettings.Values(new LaggingRule(LaggingRule.Kind.BELOW, 3, 45), "市督办办", false));
        Bulletin below = service.prepare(null, DAY);
        assertEquals(rows.stream().filter(r -> r.rate() < 0.45).map(UnitRank::unit).toList().size(),
                below.lagging().size());
        assertTrue(below.lagging().stream().allMatch(r -> r.rate() < 0.45));
        assertEquals("市督办办", below.issuer());
        assertTrue(below.departments().rows().isEmpty(), "departments not ranked when the settings say so");
        assertTrue(BulletinService.document(below).text().contains("完成率低于45%"));
    }

    @Test
    void overdueAndSupervisedTasksAreListed() {
        Bulletin b = service.prepare(null, DAY);
        Stats stats = Wired.of(db).stats().stats((Long) null, DAY);
        assertEquals(stats.overdueTasks(), b.overdue().size());
        assertEquals(4, b.supervised().size(), "the sample's four 挂牌督办 tasks");
        String text = BulletinService.document(b).text();
        for (var t : b.supervised()) {
            assertTrue(text.contains("序号" + t.task().seq() + "　"), "supervised task " + t.task().seq());
        }
        assertTrue(text.contains("截至2026年11月29日，全市生态环境保护重点工作任务共45项"), text);
        Map<Long, ?> units = b.units();
        assertEquals(new org.duban.persistence.UnitRepository(db).count(), units.size());
    }
}
