package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.duban.model.Term;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.VocabularyRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VocabularyRepository} on every engine: terms of each kind in their place with their aliases in the order
 * given, changes, merging (delete), the tasks a name is on and renaming it there, and the names kept unique.
 */
class VocabularyRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void termsInTheirPlaceWithTheirAliases(Engine engine) {
        try (Database db = engine.create(dir)) {
            VocabularyRepository vocabulary = new VocabularyRepository(db);
            assertEquals(List.of(), vocabulary.find(Term.Kind.SOURCE), "a new ledger has none");

            Term central = vocabulary.insert(Term.Kind.SOURCE, "中央生态环境保护督察",
                    List.of("中央环保督察", "中央生态环境保护督察反馈问题"));
            Term province = vocabulary.insert(Term.Kind.SOURCE, "省级督察", List.of());
            Term water = vocabulary.insert(Term.Kind.CATEGORY, "水环境", List.of("水污染"));
            assertEquals(new Term(central.id(), Term.Kind.SOURCE, "中央生态环境保护督察", 1,
                    List.of("中央环保督察", "中央生态环境保护督察反馈问题")), central);
            assertEquals(2, province.sortOrder(), "after the last of its kind");
            assertEquals(1, water.sortOrder(), "each kind has its own places");
            assertTrue(central.id() != province.id() && province.id() != water.id(), "the keys come back");

            assertEquals(List.of(central, province), vocabulary.find(Term.Kind.SOURCE));
            assertEquals(List.of(water), vocabulary.find(Term.Kind.CATEGORY));

            Term moved = new Term(central.id(), Term.Kind.SOURCE, "中央督察", 3, central.aliases());
            vocabulary.update(moved);
            assertEquals(List.of(province, moved), vocabulary.find(Term.Kind.SOURCE), "by place");

            vocabulary.setAliases(province.id(), List.of("省督察", "省环保督察", "省级环保督察"));
            assertEquals(List.of("省督察", "省环保督察", "省级环保督察"),
                    vocabulary.find(Term.Kind.SOURCE).get(0).aliases(), "in the order given");
            vocabulary.setAliases(province.id(), List.of("省级环保督察"));
            assertEquals(List.of("省级环保督察"), vocabulary.find(Term.Kind.SOURCE).get(0).aliases(), "replaced");

            vocabulary.delete(central.id());
            assertEquals(List.of(province.id()), vocabulary.find(Term.Kind.SOURCE).stream().map(Term::id).toList());
            vocabulary.delete(central.id()); // already gone: nothing to do
            assertEquals(1, vocabulary.find(Term.Kind.SOURCE).size());

            PersistenceException taken = assertThrows(PersistenceException.class,
                    () -> vocabulary.insert(Term.Kind.SOURCE, "省级督察", List.of("另一个")));
            assertEquals("db.error.constraint", taken.key());
            assertEquals(1, vocabulary.find(Term.Kind.SOURCE).size(), "nothing of the refused term kept");
            PersistenceException twice = assertThrows(PersistenceException.class,
                    () -> vocabulary.setAliases(province.id(), List.of("省督察", "省督察")));
            assertEquals("db.error.constraint", twice.key());
            assertEquals(List.of("省级环保督察"), vocabulary.find(Term.Kind.SOURCE).get(0).aliases(),
                    "the old aliases stay when the new ones are refused");
            vocabulary.insert(Term.Kind.CATEGORY, "省级督察", List.of());
            assertEquals(2, vocabulary.find(Term.Kind.CATEGORY).size(), "the same name as a term of the other kind");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void namesOnTasksCountedAndRenamed(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db); // tasks 1 and 2, both 市级排查, no category
            engine.seed(db, "INSERT INTO task (id, meeting_id, seq, source, category, problem, deadline) "
                    + "VALUES (3, 1, 3, '省级督察', '水环境', '问题三', '2026年底前')",
                    "UPDATE task SET updated_at = '2026-01-01T00:00:00Z'");
            VocabularyRepository vocabulary = new VocabularyRepository(db);
            assertEquals(List.of(1L, 2L), vocabulary.tasksNamed(Term.Kind.SOURCE, "市级排查"), "in task order");
            assertEquals(List.of(3L), vocabulary.tasksNamed(Term.Kind.CATEGORY, "水环境"));
            assertEquals(List.of(), vocabulary.tasksNamed(Term.Kind.CATEGORY, "市级排查"), "the other field");
            assertEquals(Map.of("市级排查", 2, "省级督察", 1), vocabulary.taskCounts(Term.Kind.SOURCE));
            assertEquals(Map.of("", 2, "水环境", 1), vocabulary.taskCounts(Term.Kind.CATEGORY));

            assertEquals(2, vocabulary.renameOnTasks(Term.Kind.SOURCE, "市级排查", "市级自查"));
            assertEquals(List.of(1L, 2L), vocabulary.tasksNamed(Term.Kind.SOURCE, "市级自查"));
            assertEquals(List.of(), vocabulary.tasksNamed(Term.Kind.SOURCE, "市级排查"));
            assertEquals(0, vocabulary.renameOnTasks(Term.Kind.CATEGORY, "市级排查", "x"), "no task has it");
            Map<String, Integer> counts = vocabulary.taskCounts(Term.Kind.SOURCE);
            assertEquals(Map.of("市级自查", 2, "省级督察", 1), counts);
            String stamp = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT updated_at FROM task WHERE id = 1")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertTrue(stamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ") && stamp.compareTo("2026-01-01") > 0,
                    "a renamed task's change time is now, as the schema writes it: " + stamp);
        }
    }
}
