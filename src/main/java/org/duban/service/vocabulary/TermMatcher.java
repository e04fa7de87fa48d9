package org.duban.service.vocabulary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.duban.model.Term;

/**
 * Reads a 来源 or 问题类别 as written in a list (a section heading, a cell) as one of the office's names, so that
 * "中央生态环境保护督察反馈问题", "中央生态环境保护督察" and "第二轮中央环保督察" do not split charts, filters and
 * handouts in two. In turn: the name itself; one of its aliases; the same name once normalised (full-width forms,
 * spaces and punctuation, the endings 反馈, 交办, 问题, 排查, 督办, 事项; for categories 问题 and 类); and for sources
 * the stem (中央 … 督察, 省 … 督察, 举一反三) when exactly one name has it. Anything else is a new name. Pure.
 */
public final class TermMatcher {
    private static final Pattern SOURCE_ENDINGS = Pattern.compile("(?:反馈|交办|问题|排查|督办|事项|清单)+$");
    private static final Pattern CATEGORY_ENDINGS = Pattern.compile("(?:问题|类|方面)+$");

    /** How a written name was read. */
    public enum How { EXACT, ALIAS, NORMALISED, STEM, NEW }

    /**
     * One written name and the office's name it was read as.
     *
     * @param name the office's name; for {@link How#NEW} the written name itself (stripped)
     */
    public record Match(Term.Kind kind, String written, String name, How how) {
        /** Whether the written name differs from what the task will hold. */
        public boolean renamed() {
            return !written.strip().equals(name);
        }
    }

    private final Term.Kind kind;
    private final List<Term> terms;

    public TermMatcher(Term.Kind kind, List<Term> terms) {
        this.kind = kind;
        this.terms = terms.stream().filter(t -> t.kind() == kind).toList();
    }

    public Term.Kind kind() {
        return kind;
    }

    public List<Term> terms() {
        return terms;
    }

    /** The name as the office writes it; null for a blank cell. */
    public Match match(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String w = written.strip();
        for (Term t : terms) {
            if (t.name().equals(w)) {
                return new Match(kind, written, t.name(), How.EXACT);
            }
        }
        for (Term t : terms) {
            if (t.aliases().contains(w)) {
                return new Match(kind, written, t.name(), How.ALIAS);
            }
        }
        String k = key(kind, w);
        Set<String> byKey = new LinkedHashSet<>();
        for (Term t : terms) {
            if (key(kind, t.name()).equals(k) || t.aliases().stream().anyMatch(a -> key(kind, a).equals(k))) {
                byKey.add(t.name());
            }
        }
        if (byKey.size() == 1) {
            return new Match(kind, written, byKey.iterator().next(), How.NORMALISED);
        }
        String stem = kind == Term.Kind.SOURCE ? stem(k) : null;
        if (stem != null) {
            List<String> same = new ArrayList<>();
            for (Term t : terms) {
                boolean has = stem.equals(stem(key(kind, t.name())))
                        || t.aliases().stream().anyMatch(a -> stem.equals(stem(key(kind, a))));
                if (has) {
                    same.add(t.name());
                }
            }
            if (same.size() == 1) {
                return new Match(kind, written, same.get(0), How.STEM);
            }
        }
        return new Match(kind, written, w, How.NEW);
    }

    /** A name as compared: NFKC, letters and digits only, without the endings that vary between lists. */
    public static String key(Term.Kind kind, String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        String k = sb.toString();
        String stripped = (kind == Term.Kind.SOURCE ? SOURCE_ENDINGS : CATEGORY_ENDINGS).matcher(k).replaceFirst("");
        return stripped.isEmpty() ? k : stripped;
    }

    /** 中央 … 督察 (central inspection), 省 … 督察 (provincial), 举一反三 (by analogy), or null. */
    static String stem(String key) {
        boolean inspection = key.contains("督察") || key.contains("督查");
        if (key.contains("举一反三")) {
            return "举一反三";
        }
        if (key.contains("中央") && (inspection || key.contains("环保"))) {
            return "中央督察";
        }
        if (key.startsWith("省") && inspection) {
            return "省级督察";
        }
        return null;
    }
}
