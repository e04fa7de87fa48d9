package org.duban.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Term;
import org.jdbi.v3.core.Handle;

/**
 * The vocabulary of sources and categories ({@code vocabulary}, {@code vocabulary_alias}), and the tasks' own copy of
 * each name ({@code task.source}, {@code task.category}), which renaming and merging re-point.
 */
public final class VocabularyRepository {
    private final Database db;

    public VocabularyRepository(Database db) {
        this.db = db;
    }

    /** The terms of a kind in the office's order. */
    public List<Term> find(Term.Kind kind) {
        return db.query(h -> {
            Map<Long, List<String>> aliases = new LinkedHashMap<>();
            h.createQuery("SELECT a.vocabulary_id, a.alias FROM vocabulary_alias a "
                            + "JOIN vocabulary v ON v.id = a.vocabulary_id WHERE v.kind = :kind ORDER BY "
                            + JdbiSupport.insertionOrder(db, "a"))
                    .bind("kind", kind)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> aliases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return h.createQuery("SELECT id, name, sort_order FROM vocabulary WHERE kind = :kind ORDER BY sort_order, id")
                    .bind("kind", kind)
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        return new Term(id, kind, rs.getString(2), rs.getInt(3), aliases.getOrDefault(id, List.of()));
                    })
                    .list();
        });
    }

    public Term insert(Term.Kind kind, String name, List<String> aliases) {
        return db.update(h -> {
            int order = h.createQuery("SELECT coalesce(max(sort_order), 0) + 1 FROM vocabulary WHERE kind = :kind")
                    .bind("kind", kind)
                    .mapTo(Integer.class)
                    .one();
            long id = h.createQuery("INSERT INTO vocabulary (kind, name, sort_order) VALUES (:kind, :name, :order) "
                            + "RETURNING id")
                    .bind("kind", kind)
                    .bind("name", name)
                    .bind("order", order)
                    .mapTo(Long.class)
                    .one();
            insertAliases(h, id, aliases);
            return new Term(id, kind, name, order, aliases);
        });
    }

    /** Writes a term's name and place. */
    public void update(Term t) {
        db.update(h -> h.createUpdate("UPDATE vocabulary SET name = :name, sort_order = :sortOrder WHERE id = :id")
                .bindMethods(t)
                .execute());
    }

    public void setAliases(long termId, List<String> aliases) {
        db.update(h -> {
            h.createUpdate("DELETE FROM vocabulary_alias WHERE vocabulary_id = :termId")
                    .bind("termId", termId)
                    .execute();
            insertAliases(h, termId, aliases);
            return null;
        });
    }

    /** Adds aliases in their order (one batch), which {@link #find} reads them back in. */
    private static void insertAliases(Handle h, long termId, List<String> aliases) {
        if (aliases.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO vocabulary_alias (vocabulary_id, alias) VALUES (:termId, :alias)");
        for (String alias : aliases) {
            batch.bind("termId", termId).bind("alias", alias).add();
        }
        batch.execute();
    }

    /** Removes a term that was merged into another (its tasks were re-pointed first; its names became aliases). */
    public void delete(long termId) {
        db.update(h -> h.createUpdate("DELETE FROM vocabulary WHERE id = :id")
                .bind("id", termId)
                .execute());
    }

    /** The tasks (id, 序号 place) whose source or category is {@code name}, in task order. */
    public List<Long> tasksNamed(Term.Kind kind, String name) {
        return db.query(h -> h.createQuery("SELECT id FROM task WHERE " + kind.field() + " = :name "
                        + "ORDER BY meeting_id, seq")
                .bind("name", name)
                .mapTo(Long.class)
                .list());
    }

    /** How many tasks use each name of a kind. */
    public Map<String, Integer> taskCounts(Term.Kind kind) {
        return db.query(h -> {
            Map<String, Integer> map = new LinkedHashMap<>();
            h.createQuery("SELECT " + kind.field() + ", count(*) FROM task GROUP BY " + kind.field())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        });
    }

    /**
     * Sets the source or category of the tasks named {@code from} to {@code to}; returns how many changed. Their
     * versions move on: a task form open on one of them saves only after taking the new name in.
     */
    public int renameOnTasks(Term.Kind kind, String from, String to) {
        return db.update(h -> h.createUpdate("UPDATE task SET " + kind.field() + " = :to, updated_at = "
                        + JdbiSupport.utcNowText(db) + ", row_version = row_version + 1 WHERE " + kind.field()
                        + " = :from")
                .bind("to", to)
                .bind("from", from)
                .execute());
    }
}
