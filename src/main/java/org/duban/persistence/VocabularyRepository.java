package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Term;

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
        return db.read(c -> {
            Map<Long, List<String>> aliases = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.vocabulary_id, a.alias FROM vocabulary_alias a "
                    + "JOIN vocabulary v ON v.id = a.vocabulary_id WHERE v.kind = ? ORDER BY a.rowid")) {
                ps.setString(1, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            List<Term> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, sort_order FROM vocabulary WHERE kind = ? ORDER BY sort_order, id")) {
                ps.setString(1, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        list.add(new Term(id, kind, rs.getString(2), rs.getInt(3), aliases.getOrDefault(id, List.of())));
                    }
                }
            }
            return list;
        });
    }

    public Term insert(Term.Kind kind, String name, List<String> aliases) {
        return db.write(c -> {
            int order;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(max(sort_order), 0) + 1 FROM vocabulary WHERE kind = ?")) {
                ps.setString(1, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    order = rs.getInt(1);
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO vocabulary (kind, name, sort_order) VALUES (?, ?, ?)")) {
                ps.setString(1, kind.name());
                ps.setString(2, name);
                ps.setInt(3, order);
                id = Rows.insert(ps);
            }
            setAliases(id, aliases);
            return new Term(id, kind, name, order, aliases);
        });
    }

    /** Writes a term's name and place. */
    public void update(Term t) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE vocabulary SET name = ?, sort_order = ? WHERE id = ?")) {
                ps.setString(1, t.name());
                ps.setInt(2, t.sortOrder());
                ps.setLong(3, t.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void setAliases(long termId, List<String> aliases) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM vocabulary_alias WHERE vocabulary_id = ?")) {
                ps.setLong(1, termId);
                ps.executeUpdate();
            }
            Rows.batch(c, "INSERT INTO vocabulary_alias (vocabulary_id, alias) VALUES (?, ?)", aliases, (ps, a) -> {
                ps.setLong(1, termId);
                ps.setString(2, a);
            });
            return null;
        });
    }

    /** Removes a term that was merged into another (its tasks were re-pointed first; its names became aliases). */
    public void delete(long termId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM vocabulary WHERE id = ?")) {
                ps.setLong(1, termId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The tasks (id, 序号 place) whose source or category is {@code name}, in task order. */
    public List<Long> tasksNamed(Term.Kind kind, String name) {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM task WHERE " + kind.field() + " = ? ORDER BY meeting_id, seq")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** How many tasks use each name of a kind. */
    public Map<String, Integer> taskCounts(Term.Kind kind) {
        return db.read(c -> {
            Map<String, Integer> map = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + kind.field() + ", count(*) FROM task GROUP BY " + kind.field())) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        map.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return map;
        });
    }

    /** Sets the source or category of the tasks named {@code from} to {@code to}; returns how many changed. */
    public int renameOnTasks(Term.Kind kind, String from, String to) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE task SET " + kind.field() + " = ?, "
                    + "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE " + kind.field() + " = ?")) {
                ps.setString(1, to);
                ps.setString(2, from);
                return ps.executeUpdate();
            }
        });
    }
}
