package org.duban.service.importer;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.service.tasks.TaskField;

/**
 * Which task field a column heading names. Offices head the same column many ways (序号/编号, 问题/问题描述/
 * 存在问题, 责任单位/责任主体 ...); an exact heading wins over one that merely contains a synonym
 * ("问题描述（具体表现）").
 */
public final class ColumnSynonyms {
    private static final Map<TaskField, List<String>> SYNONYMS = new EnumMap<>(TaskField.class);
    /**
     * The synonyms in {@link #normal} form, made once: every cell of every row is matched against them (the importer
     * looks for repeated heading rows), so normalising them per cell made a 10,000-row import spend most of its time
     * here (BENCHMARKS.md).
     */
    private static final Map<TaskField, List<String>> NORMAL_SYNONYMS = new EnumMap<>(TaskField.class);

    static {
        SYNONYMS.put(TaskField.SEQ, List.of("序号", "编号", "序列号", "顺序号", "问题编号", "任务编号", "NO", "NO.", "序"));
        SYNONYMS.put(TaskField.SOURCE, List.of("来源", "问题来源", "任务来源", "交办来源", "督察来源"));
        SYNONYMS.put(TaskField.CATEGORY, List.of("问题类别", "类别", "问题类型", "类型", "问题分类", "分类", "领域"));
        SYNONYMS.put(TaskField.PROBLEM, List.of("问题", "问题描述", "存在问题", "主要问题", "问题表现", "反馈问题",
                "问题内容", "具体问题", "重点工作任务", "工作任务", "任务内容", "任务"));
        SYNONYMS.put(TaskField.TARGET, List.of("整改目标", "目标", "工作目标", "目标任务", "整改要求"));
        SYNONYMS.put(TaskField.MEASURES, List.of("整改措施", "具体措施", "措施", "工作措施", "主要措施", "整改举措"));
        SYNONYMS.put(TaskField.UNITS, List.of("责任单位", "主要责任单位", "牵头责任单位", "责任主体", "实施主体",
                "承办单位", "主办单位", "实施单位", "整改单位", "整改责任单位"));
        // 牵头单位 is the lead unit beside a 责任单位 column; alone it names the units that carry the work
        // (HeaderFinder.columnsOf), as lists without a separate 责任单位 column mean it
        SYNONYMS.put(TaskField.LEAD_UNIT, List.of("牵头单位", "牵头部门", "牵头市直单位", "牵头市直部门"));
        SYNONYMS.put(TaskField.SUPPORTING_UNITS, List.of("配合单位", "协办单位", "协助单位", "参与单位", "配合部门"));
        SYNONYMS.put(TaskField.LEADER, List.of("责任领导", "责任人", "牵头领导", "分管领导", "包案领导", "督办领导",
                "包案市领导", "牵头市领导", "责任市领导", "挂钩市领导"));
        SYNONYMS.put(TaskField.DEADLINE, List.of("完成时限", "整改时限", "时限要求", "完成时间", "整改期限", "完成期限",
                "办结时限", "时限"));
        SYNONYMS.put(TaskField.REMARKS, List.of("备注", "说明", "备注说明"));
    }

    static {
        // The English ledger's headings, so a ledger exported with --lang en reads back too.
        String[][] english = {{"SEQ", "NO.", "NO"}, {"SOURCE", "SOURCE"}, {"CATEGORY", "CATEGORY"},
            {"PROBLEM", "PROBLEM"}, {"TARGET", "TARGET"}, {"MEASURES", "MEASURES"}, {"UNITS", "RESPONSIBLE UNITS"},
            {"SUPPORTING_UNITS", "SUPPORTING UNITS"}, {"LEADER", "RESPONSIBLE LEADER"}, {"DEADLINE", "DEADLINE"},
            {"REMARKS", "REMARKS"}, {"LEAD_UNIT", "LEAD UNIT"}};
        for (String[] e : english) {
            List<String> list = new java.util.ArrayList<>(SYNONYMS.get(TaskField.valueOf(e[0])));
            list.addAll(List.of(e).subList(1, e.length));
            SYNONYMS.put(TaskField.valueOf(e[0]), List.copyOf(list));
        }
        SYNONYMS.forEach((field, list) -> NORMAL_SYNONYMS.put(field, list.stream().map(ColumnSynonyms::normal).toList()));
    }

    /** Headings of derived columns (the exported ledger writes them): read past without a warning. */
    private static final java.util.Set<String> DERIVED = java.util.Set.of("状态", "截止日期", "各单位状态", "红黄绿灯",
            "预警", "最新进展", "销号日期", "完成情况", "整改进展", "进展情况", "STATUS", "DUEDATE", "UNITSTATUSES", "STATUSOFEACHUNIT");

    private ColumnSynonyms() {
    }

    /** Whether a heading names a column that the program derives (状态, 截止日期 ...), so it is not imported. */
    public static boolean isDerived(String heading) {
        return DERIVED.contains(normal(heading));
    }

    /** How well a heading names a field: exact beats contained, and a longer contained synonym beats a shorter. */
    record Match(TaskField field, boolean exact, int length) {
        int score() {
            return (exact ? 1000 : 0) + length;
        }
    }

    /** The field a heading names, if any. */
    public static Optional<TaskField> fieldOf(String heading) {
        return match(heading).map(Match::field);
    }

    static Optional<Match> match(String heading) {
        String h = normal(heading, 30);
        if (h == null || h.isEmpty() || h.length() > 30) {
            return Optional.empty(); // a sentence (a title or a note) is not a heading
        }
        Match best = null;
        for (var e : NORMAL_SYNONYMS.entrySet()) {
            for (String syn : e.getValue()) {
                Match m = h.equals(syn) ? new Match(e.getKey(), true, syn.length())
                        : syn.length() >= 2 && h.contains(syn) ? new Match(e.getKey(), false, syn.length()) : null;
                if (m != null && (best == null || m.score() > best.score())) {
                    best = m;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Headings compared without spaces, line breaks, asterisks or a trailing note in brackets. Written out by hand
     * rather than with two regular expressions: the importer normalises every cell of every row it checks for a
     * repeated heading, and compiling and running the expressions was a third of a 10,000-row import
     * (BENCHMARKS.md). Same result as {@code NFKC → replaceAll("[\\s*]+", "") → upper case →
     * replaceAll("\\(.*\\)$", "")} (kept as {@link #normalByRegex}, for the odd line separator).
     */
    static String normal(String s) {
        return normal(s, Integer.MAX_VALUE);
    }

    /** {@link #normal(String)}, or null when it would be longer than {@code max} (told early for plain text). */
    private static String normal(String s, int max) {
        String text = s == null ? "" : s;
        StringBuilder b = new StringBuilder(Math.min(text.length(), 64));
        int plain = appendPlain(text, b, max);
        if (plain == TOO_LONG) {
            return null;
        }
        if (plain == NOT_PLAIN) {
            b.setLength(0);
            String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
            for (int i = 0; i < n.length(); i++) {
                char ch = n.charAt(i);
                if (ch == '\u0085' || ch == '\u2028' || ch == '\u2029') {
                    return normalByRegex(s); // where "." and "$" of the expression treat lines specially
                }
                if (!dropped(ch)) {
                    b.append(ch);
                }
            }
        }
        String n = b.toString().toUpperCase(java.util.Locale.ROOT);
        int open = n.endsWith(")") ? n.indexOf('(') : -1;
        return open > 0 ? n.substring(0, open) : n; // open == 0: all of it in brackets, which is kept
    }

    /**
     * Appends {@code s} in NFKC form without spaces and asterisks, when all its characters are ones whose NFKC form
     * is plain (ASCII, CJK ideographs and the usual Chinese punctuation stay; full-width ASCII and the ideographic
     * space become ASCII; none of them combines with another): a Chinese cell, nearly always. {@link #NOT_PLAIN},
     * with part of it appended, for any other character; {@link #TOO_LONG} once more than {@code max} characters
     * come before any bracket (the normal form, cut at its first bracket at most, will be longer than that).
     */
    private static int appendPlain(String s, StringBuilder b, int max) {
        boolean bracket = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                ch = (char) (ch - 0xFEE0);
            } else if (ch == '\u3000') {
                ch = ' ';
            } else if (!(ch < 0x80 || ch >= '\u4E00' && ch <= '\u9FFF' || PLAIN_PUNCTUATION.indexOf(ch) >= 0)) {
                return NOT_PLAIN;
            }
            if (!dropped(ch)) {
                b.append(ch);
                bracket |= ch == '(';
                if (!bracket && b.length() > max) {
                    return TOO_LONG;
                }
            }
        }
        return PLAIN;
    }

    private static final int PLAIN = 0;
    private static final int NOT_PLAIN = 1;
    private static final int TOO_LONG = 2;

    private static final String PLAIN_PUNCTUATION = "、。《》「」『』【】“”‘’—·";

    private static boolean dropped(char ch) {
        return ch == '*' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }

    static String normalByRegex(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC)
                .replaceAll("[\\s*]+", "").toUpperCase(java.util.Locale.ROOT);
        String stripped = n.replaceAll("\\(.*\\)$", "");
        return stripped.isEmpty() ? n : stripped;
    }
}
