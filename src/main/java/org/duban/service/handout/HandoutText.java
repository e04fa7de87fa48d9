package org.duban.service.handout;

import org.duban.i18n.Translator;

/**
 * The words printed on a handout. A handout is an official document in simplified Chinese, so its words
 * come from the Chinese bundle ({@code handout.doc.*} keys) whatever language the program's window uses.
 */
public final class HandoutText {
    private HandoutText() {
    }

    public static String tr(String key, Object... args) {
        return Translator.chinese().tr(key, args);
    }

    private static final String DIGITS = "零一二三四五六七八九";

    /** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (section numbers 一、二、三 …). */
    public static String chineseNumber(int n) {
        if (n <= 0 || n >= 100) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : DIGITS.charAt(ones));
    }

    /**
     * The section heading for a task source: 中央生态环境保护督察 → 中央生态环境保护督察反馈问题, 举一反三 →
     * 举一反三排查问题, 市级排查 → 市级排查问题; a source that already ends in 问题 stays as written.
     */
    public static String sectionTitle(String source) {
        String s = source == null ? "" : source.strip();
        if (s.isEmpty()) {
            return tr("handout.doc.section.other");
        }
        if (s.endsWith("问题")) {
            return s;
        }
        if (s.endsWith("督察") || s.endsWith("督查") || s.endsWith("巡视") || s.endsWith("巡察")) {
            return s + "反馈问题";
        }
        if (s.equals("举一反三")) {
            return s + "排查问题";
        }
        return s + "问题";
    }
}
