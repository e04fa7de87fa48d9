package org.duban.service.importer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether two problem texts (问题描述) describe the same task: the share of the shorter text's character bigrams
 * found in the longer one (the overlap coefficient of the two bigram multisets), after NFKC and with spaces,
 * punctuation and symbols left out.
 *
 * <p>Why this measure and {@link #SAME_TASK} = 0.5: a revised list shortens, lengthens or rewords a problem, and
 * an office's own list often abbreviates the sample's text. On the sample meeting's 45 problems the 990 pairs of
 * <em>different</em> tasks (one city, one subject: they share 整改, 污水, 不到位 ...) score at most 0.41, and the 18
 * problems of another city's list against the sample's tasks of the same 序号 at most 0.20; the four abbreviated
 * problems of the messy office list ({@code OfficeLists}) against their full sample text score 0.92–1.0, where
 * the bigram Dice coefficient gave only 0.46–0.63 (it punishes length differences), too close to unrelated pairs.
 * 0.5 leaves room on both sides. Library measures (commons-text's Jaccard on characters, Levenshtein) either read
 * Chinese one character at a time, where every ecological text shares most characters, or punish abbreviation.
 */
public final class ProblemSimilarity {
    /** From this score up, two problem texts are taken to describe the same task. */
    public static final double SAME_TASK = 0.5;

    private ProblemSimilarity() {
    }

    /** 0 (nothing shared) to 1 (one contains the other); texts too short to have bigrams compare as equal or not. */
    public static double of(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.equals(y)) {
            return 1;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0;
        }
        Map<String, Integer> bx = bigrams(x);
        Map<String, Integer> by = bigrams(y);
        int shared = 0;
        for (var e : bx.entrySet()) {
            shared += Math.min(e.getValue(), by.getOrDefault(e.getKey(), 0));
        }
        return (double) shared / Math.min(x.length() - 1, y.length() - 1);
    }

    public static boolean sameTask(String a, String b) {
        return of(a, b) >= SAME_TASK;
    }

    static String normal(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(cp -> Character.isLetterOrDigit(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static Map<String, Integer> bigrams(String s) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            m.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        return m;
    }
}
