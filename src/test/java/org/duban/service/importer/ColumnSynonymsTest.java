package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.duban.service.tasks.TaskField;
import org.junit.jupiter.api.Test;

class ColumnSynonymsTest {
    /** Characters that headings and cells are made of, and those the normal form treats specially. */
    private static final String ALPHABET = "序号问题整改时限责任单位备注abcNOno.（）()*＊ 　\t\n\r\f\u000B\u3000ｎｏ．㍿e\u0301ß，：；！～＼、。《》「」『』【】“”‘’—·\u2026\uFF5F\uFF00\u4E00\u9FFF\uF900\u1100\u1161";

    @Test
    void normalFormIsTheSameAsTheRegularExpressionsItReplaces() {
        List<String> samples = new ArrayList<>(List.of("", "序 号", "整改时限（月底前）", "（备注）", "()", "(a)(b)",
                "a(b)c(d)", "a)(b", "责任\n单位*", "＊序号＊", "ｎｏ．", "No.", "㍿", "e\u0301", "x(y)\u2028", "a\u0085(b)",
                "(a\u2029b)", "straße", "问题(一)\r\n"));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(b.toString());
        }
        for (String s : samples) {
            assertEquals(ColumnSynonyms.normalByRegex(s), ColumnSynonyms.normal(s), () -> "for \"" + s + "\"");
        }
        assertEquals("", ColumnSynonyms.normal(null));
    }

    @Test
    void headingWithSpacesAndANoteInBracketsNamesItsField() {
        assertEquals(TaskField.SEQ, ColumnSynonyms.fieldOf(" 序　号 ").orElseThrow());
        assertEquals(TaskField.UNITS, ColumnSynonyms.fieldOf("责任单位（牵头单位排第一）").orElseThrow());
        String longNote = "（" + "请填写具体到日的时间，长期坚持的写明长期坚持并注明阶段目标，".repeat(2) + "）";
        assertEquals(TaskField.DEADLINE, ColumnSynonyms.fieldOf("整改时限" + longNote).orElseThrow());
    }

    @Test
    void sentenceIsNoHeadingEvenWhenItMentionsOne() {
        String sentence = "部分企业问题整改不到位，责任单位未按整改时限完成整改，群众反映强烈，需要进一步加强督办";
        assertEquals(java.util.Optional.empty(), ColumnSynonyms.fieldOf(sentence));
        assertEquals(java.util.Optional.empty(), ColumnSynonyms.fieldOf(sentence + "（问题）"));
        assertEquals(TaskField.PROBLEM, ColumnSynonyms.fieldOf("问题（" + sentence + "）").orElseThrow());
    }
}
