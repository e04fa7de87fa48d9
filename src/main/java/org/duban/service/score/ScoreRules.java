package org.duban.service.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.duban.i18n.LocalizedException;

/**
 * One 考评 rule set: a base score, points per kind of event, and caps. Written as text, one rule a line:
 * <pre>
 * # 2026年度考评规则
 * 基础分 = 100
 * 按期完成（牵头） = 2
 * 按期完成（责任） = 1
 * 超期 = -2
 * 红灯月 = -1
 * 报送滞后 = -0.5
 * 催办单 = -1
 * 督办通知书 = -3
 * 通报点名 = -2
 * 扣分上限 = 40
 * 最高分 = 120
 * 最低分 = 0
 * </pre>
 * A rule not written counts 0 (caps: none). English keys are read too (base, onTimeLead, ...).
 *
 * @param effectiveFrom the day from which the set applies (until the next set's day)
 */
public record ScoreRules(LocalDate effectiveFrom, String name, Map<Rule, BigDecimal> values, String text) {
    /** What a rule set can say. */
    public enum Rule {
        BASE("基础分", "base"),
        ON_TIME_LEAD("按期完成（牵头）", "onTimeLead"),
        ON_TIME_OTHER("按期完成（责任）", "onTimeOther"),
        OVERDUE("超期", "overdue"),
        RED_MONTH("红灯月", "redMonth"),
        LATE_REPORT("报送滞后", "lateReport"),
        CHASE("催办单", "chase"),
        ORDER("督办通知书", "order"),
        BULLETIN_LAGGING("通报点名", "bulletinLagging"),
        MAX_DEDUCTION("扣分上限", "maxDeduction"),
        MAX("最高分", "max"),
        MIN("最低分", "min");

        private final String chinese;
        private final String english;

        Rule(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public String chinese() {
            return chinese;
        }

        static Rule of(String key) {
            String k = key.strip().replace('(', '（').replace(')', '）');
            for (Rule r : values()) {
                if (r.chinese.equals(k) || r.english.equalsIgnoreCase(key.strip())) {
                    return r;
                }
            }
            return null;
        }
    }

    /** The rules the program starts with, from the beginning of time until the office sets its own. */
    public static final String DEFAULT_TEXT = """
            # 默认考评规则（可在“设置 → 考评规则”中按生效日期另定）
            基础分 = 100
            按期完成（牵头） = 2
            按期完成（责任） = 1
            超期 = -2
            红灯月 = -1
            报送滞后 = -0.5
            催办单 = -1
            督办通知书 = -3
            通报点名 = -2
            最高分 = 120
            最低分 = 0
            """;

    public ScoreRules {
        values = Map.copyOf(values);
        name = name == null ? "" : name.strip();
    }

    public static ScoreRules defaults() {
        return parse(LocalDate.of(1900, 1, 1), "", DEFAULT_TEXT);
    }

    /** The points of a rule (0 when not written). */
    public BigDecimal points(Rule r) {
        return values.getOrDefault(r, BigDecimal.ZERO);
    }

    /** Whether the set writes the rule (a cap that is not written does not apply). */
    public boolean has(Rule r) {
        return values.containsKey(r);
    }

    /**
     * Reads a rule set's text; a bad line is refused with its number, what it says and why.
     *
     * @throws LocalizedException {@code score.error.line}
     */
    public static ScoreRules parse(LocalDate effectiveFrom, String name, String text) {
        if (effectiveFrom == null) {
            throw new LocalizedException("score.error.from");
        }
        Map<Rule, BigDecimal> values = new EnumMap<>(Rule.class);
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = Math.max(line.indexOf('='), line.indexOf('＝'));
            if (eq < 0) {
                throw bad(i + 1, line, "score.error.noEquals");
            }
            Rule r = Rule.of(line.substring(0, eq));
            if (r == null) {
                throw bad(i + 1, line, "score.error.key");
            }
            BigDecimal v;
            try {
                v = new BigDecimal(line.substring(eq + 1).strip().replace('＋', '+').replace('－', '-')
                        .toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                throw bad(i + 1, line, "score.error.number");
            }
            values.put(r, v);
        }
        return new ScoreRules(effectiveFrom, name, values, text == null ? "" : text);
    }

    private static LocalizedException bad(int number, String line, String reasonKey) {
        return new LocalizedException("score.error.line", number, line, org.duban.i18n.Messages.tr(reasonKey));
    }
}
