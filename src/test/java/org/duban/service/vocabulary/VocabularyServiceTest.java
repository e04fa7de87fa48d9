package org.duban.service.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.Term;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.handout.HandoutService;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportResult;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.TaskImporter;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.stats.StatsScope;
import org.duban.testing.OfficeLists;
import org.duban.testing.OtherLists;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources and categories are one vocabulary: imports match it, and renames, merges and the order reach every task. */
class VocabularyServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    @TempDir
    Path dir;
    private Database db;
    private AuditLog audit;
    private VocabularyService names;
    private Meeting meeting;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        names = Wired.of(audit).vocabulary();
        meeting = Wired.of(db).meetings().all().stream().filter(m -> m.title().equals(SampleMeeting.TITLE))
                .findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> sources() {
        return names.terms(Term.Kind.SOURCE).stream().map(Term::name).toList();
    }

    @Test
    void theSampleStartsWithItsThreeSourcesInTheOrderOfItsList() {
        assertEquals(List.of("中央生态环境保护督察", "省级督察", "举一反三"), sources());
        assertEquals(8, names.terms(Term.Kind.CATEGORY).size());
    }

    @Test
    void anotherListsLongFormSectionsAreMatchedToTheExistingNamesNotAddedBesideThem() {
        TaskImporter importer = Wired.of(audit).importer(org.duban.service.importer.ImportHooks.NONE);
        var file = importer.read(OtherLists.differentList(dir.resolve("另一份清单.xlsx")));
        ImportTarget target = new ImportTarget.NewMeeting("另一份清单", DAY);
        ImportPlan plan = importer.plan(file, target, ImportOptions.DEFAULT);
        assertEquals(Map.of("中央生态环境保护督察反馈问题", "中央生态环境保护督察", "省级督察交办问题", "省级督察",
                "举一反三排查问题", "举一反三"), Map.copyOf(plan.renamedTerms(Term.Kind.SOURCE).stream().collect(
                java.util.stream.Collectors.toMap(ImportPlan.TermUse::written, ImportPlan.TermUse::name))));
        assertTrue(plan.newTerms(Term.Kind.SOURCE).isEmpty());

        ImportResult r = importer.apply(file, target, ImportOptions.DEFAULT, (d, t) -> { });

        assertEquals(List.of("中央生态环境保护督察", "省级督察", "举一反三"), sources(), "no second spelling added");
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE source LIKE '%反馈问题' "
                + "OR source LIKE '%交办问题' OR source LIKE '%排查问题'"));
        assertEquals(8, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE meeting_id = " + r.meeting().id()
                + " AND source = '中央生态环境保护督察'"));
        // the charts' breakdown has the three sources, not six
        assertEquals(List.of("中央生态环境保护督察", "省级督察", "举一反三"), List.copyOf(Wired.of(audit).stats()
                .breakdown(StatsScope.all(), DAY).bySource().keySet()));
    }

    @Test
    void aSpellingKeptAsNewIsNotReadAsTheNameItResembles() {
        TaskImporter importer = Wired.of(audit).importer(org.duban.service.importer.ImportHooks.NONE);
        var file = importer.read(OtherLists.differentList(dir.resolve("另一份清单.xlsx")));
        ImportTarget target = new ImportTarget.NewMeeting("另一份清单", DAY);
        String written = "中央生态环境保护督察反馈问题";
        // the wizard's 新名称 and `--map-source X=X` both choose the spelling itself
        ImportOptions keep = ImportOptions.DEFAULT.withNames(Term.Kind.SOURCE, Map.of(written, written));

        ImportPlan plan = importer.plan(file, target, keep);
        ImportPlan.TermUse use = plan.terms().stream().filter(u -> u.written().equals(written)).findFirst().orElseThrow();
        assertEquals(written, use.name(), "the user's choice, not the matcher's reading");
        assertTrue(use.chosen());
        assertEquals(List.of(written), plan.newTerms(Term.Kind.SOURCE).stream().map(ImportPlan.TermUse::name).toList());
        assertEquals(List.of("省级督察", "举一反三"), plan.renamedTerms(Term.Kind.SOURCE).stream()
                .map(ImportPlan.TermUse::name).toList(), "the spellings not chosen are still read as before");

        ImportResult r = importer.apply(file, target, keep, (d, t) -> { });

        assertEquals(8, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE meeting_id = " + r.meeting().id()
                + " AND source = '" + written + "'"));
        assertTrue(sources().contains(written), sources().toString());
        // choosing the known name itself still files the rows under it
        ImportPlan mapped = importer.plan(file, new ImportTarget.NewMeeting("第三份", DAY),
                ImportOptions.DEFAULT.withNames(Term.Kind.SOURCE, Map.of(written, "中央生态环境保护督察")));
        assertEquals("中央生态环境保护督察", mapped.terms().stream().filter(u -> u.written().equals(written))
                .findFirst().orElseThrow().name());
    }

    @Test
    void aNewNameIsAddedOrMappedToAnExistingOneWhichIsThenRemembered() {
        TaskImporter importer = Wired.of(audit).importer(org.duban.service.importer.ImportHooks.NONE);
        var file = importer.read(OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        ImportTarget target = new ImportTarget.NewMeeting("", DAY);
        ImportOptions options = ImportOptions.DEFAULT.withNames(Term.Kind.CATEGORY, Map.of("大气环境", "大气环境"));
        ImportPlan plan = importer.plan(file, target, options);
        assertTrue(plan.newTerms(Term.Kind.SOURCE).isEmpty(), plan.terms().toString());

        // a list with a source of its own: kept as new, or read as an existing name when the user says so
        var own = importer.read(OtherLists.sampleList(dir.resolve("自查.xlsx"), t -> new org.duban.service.tasks.TaskInput(
                t.seq(), t.seq().equals("1") ? "市级自查" : t.source(), t.category(), t.problem(), t.target(), t.measures(),
                t.units(), t.supportingUnits(), t.leader(), t.deadline(), t.remarks())));
        ImportPlan asNew = importer.plan(own, target, ImportOptions.DEFAULT);
        assertEquals(List.of("市级自查"), asNew.newTerms(Term.Kind.SOURCE).stream().map(ImportPlan.TermUse::name).toList());
        ImportOptions mapped = ImportOptions.DEFAULT.withNames(Term.Kind.SOURCE, Map.of("市级自查", "举一反三"));
        ImportPlan mappedPlan = importer.plan(own, target, mapped);
        assertTrue(mappedPlan.newTerms(Term.Kind.SOURCE).isEmpty());
        importer.apply(own, target, mapped, (d, t) -> { });
        assertEquals(List.of("中央生态环境保护督察", "省级督察", "举一反三"), sources());
        assertTrue(names.terms(Term.Kind.SOURCE).get(2).aliases().contains("市级自查"), "the mapping is remembered");
        assertTrue(importer.plan(own, target, ImportOptions.DEFAULT).newTerms(Term.Kind.SOURCE).isEmpty(),
                "and the next import matches it by itself");
    }

    @Test
    void renamingAndMergingRepointTheTasksAuditedAndHandoutsFollowTheOrder() {
        Term province = names.terms(Term.Kind.SOURCE).get(1);
        long tasks = TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE source = '省级督察'");
        long auditBefore = TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'TASK' "
                + "AND field = 'source'");

        assertEquals(tasks, names.rename(province.id(), "省级生态环境保护督察", true));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE source = '省级督察'"));
        assertEquals(tasks, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE source = '省级生态环境保护督察'"));
        assertEquals(auditBefore + tasks, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'TASK' "
                + "AND field = 'source'"), "each task's change is audited");
        assertTrue(names.terms(Term.Kind.SOURCE).get(1).aliases().contains("省级督察"));

        Term extra = names.add(Term.Kind.SOURCE, "省级专项督察");
        assertThrows(LocalizedException.class, () -> names.add(Term.Kind.SOURCE, "省级督察"), "an alias is taken");
        names.merge(extra.id(), names.terms(Term.Kind.SOURCE).get(1).id());
        assertEquals(3, sources().size());

        // the office puts 举一反三 first: handouts and charts follow
        names.reorder(Term.Kind.SOURCE, List.of(names.terms(Term.Kind.SOURCE).get(2).id()));
        assertEquals("举一反三", sources().get(0));
        HandoutService handouts = Wired.of(db).handouts();
        var data = handouts.read(meeting, DAY);
        var fuan = data.roster().stream().filter(u -> u.name().equals("福安市")).findFirst().orElseThrow();
        var content = HandoutService.content(data, fuan, handouts.settings().load());
        assertTrue(content.sections().get(0).heading().contains("举一反三"), content.sections().get(0).heading());
        assertEquals("举一反三", Wired.of(audit).stats().breakdown(StatsScope.meeting(meeting.id()), DAY).bySource()
                .keySet().iterator().next());
    }
}
