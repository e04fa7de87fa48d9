package org.duban.service.vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.Term;
import org.duban.persistence.Repositories;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.VocabularyRepository;
import org.duban.service.audit.AuditLog;

/**
 * The office's names of sources (来源) and problem categories (问题类别): one vocabulary each, in the office's order,
 * which handouts, charts and filters follow. A name can be added, renamed (its tasks follow; the old name is kept
 * as an alias, so lists written the old way still match), merged into another (its tasks re-pointed, audited task
 * by task, its spellings become the other's aliases) and moved. Imports and the task form add the names they
 * bring. Every change joins the caller's transaction and is audited.
 */
public final class VocabularyService {
    private final UnitOfWork uow;
    private final VocabularyRepository repo;
    private final AuditLog audit;

    public VocabularyService(Repositories repos, UnitOfWork uow, AuditLog audit) {
        this.audit = audit;
        this.uow = uow;
        this.repo = repos.vocabulary();
    }

    public List<Term> terms(Term.Kind kind) {
        return repo.find(kind);
    }

    /** The matcher over the current names of a kind. */
    public TermMatcher matcher(Term.Kind kind) {
        return new TermMatcher(kind, repo.find(kind));
    }

    /** How many tasks use each name. */
    public Map<String, Integer> taskCounts(Term.Kind kind) {
        return repo.taskCounts(kind);
    }

    /** The office's order of names, for sorting: a name not in the vocabulary comes after all that are. */
    public Comparator<String> order(Term.Kind kind) {
        return order(repo.find(kind));
    }

    public static Comparator<String> order(List<Term> terms) {
        Map<String, Integer> place = new HashMap<>();
        for (Term t : terms) {
            place.putIfAbsent(t.name(), t.sortOrder());
            t.aliases().forEach(a -> place.putIfAbsent(a, t.sortOrder()));
        }
        return Comparator.comparingInt((String s) -> place.getOrDefault(s == null ? "" : s.strip(), Integer.MAX_VALUE));
    }

    /** Sorts names in the office's order (stable: names outside the vocabulary keep their order, last). */
    public static <T> List<T> sorted(List<T> items, Function<T, String> name, List<Term> terms) {
        List<T> copy = new ArrayList<>(items);
        Comparator<String> o = order(terms);
        copy.sort((a, b) -> o.compare(name.apply(a), name.apply(b)));
        return copy;
    }

    /** Adds a new name at the end. */
    public Term add(Term.Kind kind, String name) {
        String n = required(name);
        return uow.inTransaction(() -> {
            requireFree(repo.find(kind), 0, n);
            Term t = repo.insert(kind, n, List.of());
            audit.created(AuditEntity.VOCABULARY, t.id(), null, null, kind.name() + "：" + n);
            return t;
        });
    }

    /** Adds a name unless the vocabulary has it already (as a name or an alias): what saving a task does. */
    public void ensure(Term.Kind kind, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String n = name.strip();
        uow.inTransaction(() -> {
            boolean known = repo.find(kind).stream().anyMatch(t -> t.name().equals(n) || t.aliases().contains(n));
            if (!known) {
                Term t = repo.insert(kind, n, List.of());
                audit.created(AuditEntity.VOCABULARY, t.id(), null, null, kind.name() + "：" + n);
            }
            return null;
        });
    }

    /**
     * Renames a name and every task that has it (each task's change audited). The old name stays as an alias
     * unless {@code keepOldName} is false.
     *
     * @return how many tasks were re-pointed
     */
    public int rename(long termId, String newName, boolean keepOldName) {
        String n = required(newName);
        return uow.inTransaction(() -> {
            Term t = byId(termId);
            if (t.name().equals(n)) {
                return 0;
            }
            List<Term> all = repo.find(t.kind());
            requireFree(all, termId, n);
            int moved = repoint(t.kind(), t.name(), n);
            List<String> aliases = new ArrayList<>(t.aliases());
            aliases.remove(n);
            if (keepOldName && !aliases.contains(t.name())) {
                aliases.add(0, t.name());
            }
            repo.update(new Term(t.id(), t.kind(), n, t.sortOrder(), aliases));
            repo.setAliases(t.id(), aliases);
            audit.changed(AuditEntity.VOCABULARY, t.id(), null, null, "name", t.name(), n);
            return moved;
        });
    }

    /**
     * Merges one name into another: its tasks take the other name (each audited), and it and its aliases become
     * the other's aliases, so a list that writes it the old way matches from then on.
     *
     * @return how many tasks were re-pointed
     */
    public int merge(long fromId, long intoId) {
        if (fromId == intoId) {
            throw new LocalizedException("vocabulary.error.mergeSelf");
        }
        return uow.inTransaction(() -> {
            Term from = byId(fromId);
            Term into = byId(intoId);
            if (from.kind() != into.kind()) {
                throw new LocalizedException("vocabulary.error.mergeKinds");
            }
            int moved = repoint(from.kind(), from.name(), into.name());
            LinkedHashSet<String> aliases = new LinkedHashSet<>(into.aliases());
            aliases.add(from.name());
            aliases.addAll(from.aliases());
            aliases.remove(into.name());
            repo.delete(fromId);
            repo.setAliases(intoId, List.copyOf(aliases));
            audit.deleted(AuditEntity.VOCABULARY, fromId, null, null, from.name() + " → " + into.name());
            audit.changed(AuditEntity.VOCABULARY, intoId, null, null, "aliases", String.join("；", into.aliases()),
                    String.join("；", aliases));
            return moved;
        });
    }

    /** Replaces a name's aliases; each must be free. */
    public void setAliases(long termId, List<String> aliases) {
        uow.inTransaction(() -> {
            Term t = byId(termId);
            List<Term> all = repo.find(t.kind());
            List<String> clean = new ArrayList<>();
            for (String a : aliases) {
                String s = a == null ? "" : a.strip();
                if (!s.isEmpty() && !s.equals(t.name()) && !clean.contains(s)) {
                    requireFree(all, termId, s);
                    clean.add(s);
                }
            }
            repo.setAliases(termId, clean);
            audit.changed(AuditEntity.VOCABULARY, termId, null, null, "aliases", String.join("；", t.aliases()),
                    String.join("；", clean));
            return null;
        });
    }

    /** Adds an alias (a written name the user mapped to this one in an import), unless it is known already. */
    public void addAlias(long termId, String alias) {
        Term t = byId(termId);
        if (alias == null || alias.isBlank() || t.name().equals(alias.strip()) || t.aliases().contains(alias.strip())) {
            return;
        }
        List<String> more = new ArrayList<>(t.aliases());
        more.add(alias.strip());
        setAliases(termId, more);
    }

    /** Puts the names of a kind in this order; names not listed follow in their order. */
    public void reorder(Term.Kind kind, List<Long> ids) {
        uow.inTransaction(() -> {
            List<Term> all = repo.find(kind);
            List<Long> order = new ArrayList<>(new LinkedHashSet<>(ids));
            all.stream().map(Term::id).filter(id -> !order.contains(id)).forEach(order::add);
            for (int i = 0; i < order.size(); i++) {
                long id = order.get(i);
                Term t = all.stream().filter(x -> x.id() == id).findFirst()
                        .orElseThrow(() -> new LocalizedException("vocabulary.error.gone"));
                if (t.sortOrder() != i + 1) {
                    repo.update(new Term(t.id(), t.kind(), t.name(), i + 1, t.aliases()));
                    audit.changed(AuditEntity.VOCABULARY, t.id(), null, null, "sortOrder", t.sortOrder(), i + 1);
                }
            }
            return null;
        });
    }

    /**
     * One name as the settings screen edits it.
     *
     * @param termId    the name, or null for a name to add
     * @param mergeInto the name to merge it into, or null
     */
    public record Draft(Long termId, String name, List<String> aliases, Long mergeInto) {
        public Draft {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /**
     * Saves the screen's names of a kind in one transaction, all or nothing: new names added, aliases and renames
     * (tasks follow), merges (tasks re-pointed), and the order of the rows.
     *
     * @return how many tasks were re-pointed
     */
    public int apply(Term.Kind kind, List<Draft> drafts) {
        return uow.inTransaction(() -> {
            Map<Long, Term> now = new HashMap<>();
            repo.find(kind).forEach(t -> now.put(t.id(), t));
            List<Long> order = new ArrayList<>();
            int moved = 0;
            for (Draft d : drafts) {
                if (d.termId() == null) {
                    Term t = add(kind, d.name());
                    if (!d.aliases().isEmpty()) {
                        setAliases(t.id(), d.aliases());
                    }
                    order.add(t.id());
                    continue;
                }
                Term t = now.get(d.termId());
                if (t == null) {
                    throw new LocalizedException("vocabulary.error.gone");
                }
                order.add(t.id());
                if (!t.aliases().equals(d.aliases())) {
                    setAliases(t.id(), d.aliases());
                }
                if (!t.name().equals(d.name() == null ? "" : d.name().strip())) {
                    moved += rename(t.id(), d.name(), true);
                }
            }
            for (Draft d : drafts) {
                if (d.termId() != null && d.mergeInto() != null) {
                    moved += merge(d.termId(), d.mergeInto());
                    order.remove(d.termId());
                }
            }
            reorder(kind, order);
            return moved;
        });
    }

    /** Saves both lists of the settings screen in one transaction; returns how many tasks were re-pointed. */
    public int apply(Map<Term.Kind, List<Draft>> drafts) {
        return uow.inTransaction(() -> {
            int moved = 0;
            for (Map.Entry<Term.Kind, List<Draft>> e : drafts.entrySet()) {
                moved += apply(e.getKey(), e.getValue());
            }
            return moved;
        });
    }

    public Term byId(long termId) {
        for (Term.Kind k : Term.Kind.values()) {
            for (Term t : repo.find(k)) {
                if (t.id() == termId) {
                    return t;
                }
            }
        }
        throw new LocalizedException("vocabulary.error.gone");
    }

    /** Re-points the tasks named {@code from} to {@code to}, a TASK audit row each. */
    private int repoint(Term.Kind kind, String from, String to) {
        List<Long> ids = repo.tasksNamed(kind, from);
        repo.renameOnTasks(kind, from, to);
        for (long id : ids) {
            audit.changed(AuditEntity.TASK, id, id, null, kind.field(), from, to);
        }
        return ids.size();
    }

    private static void requireFree(List<Term> all, long exceptId, String name) {
        for (Term t : all) {
            if (t.id() != exceptId && (t.name().equals(name) || t.aliases().contains(name))) {
                throw new LocalizedException("vocabulary.error.nameTaken", name, t.name());
            }
        }
    }

    private static String required(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new LocalizedException("vocabulary.error.nameRequired");
        }
        if (n.length() > 100) {
            throw new LocalizedException("vocabulary.error.nameTooLong", n.length(), 100);
        }
        return n;
    }
}
