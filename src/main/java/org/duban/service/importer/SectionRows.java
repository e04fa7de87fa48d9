package org.duban.service.importer;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.duban.service.excel.Grid;

/**
 * Section rows between the tasks: "一、中央生态环境保护督察反馈问题（15项）" heads the tasks under it, and
 * "（一）水环境" a subsection. A section row has one text (often merged across the table) and no task in it.
 */
final class SectionRows {
    private static final String CN = "[一二三四五六七八九十]+";
    private static final Pattern SUB = Pattern.compile("^[(（](?:" + CN + "|\\d+)[)）]\\s*");
    private static final Pattern TOP = Pattern.compile("^(?:" + CN + "[、.．]|第" + CN + "(?:部分|类|篇|章)[、:：.．\\s]?"
            + "|\\d+[、．])\\s*");
    private static final Pattern COUNT = Pattern.compile("[(（](?:共|计)?\\s*\\d+\\s*(?:项|个|条|件)[)）]\\s*$");
    private static final Pattern NOTE = Pattern.compile("^(?:注|说明|备注|填表|填报|制表|审核|联系人|附注)[:：\\s]?");

    private SectionRows() {
    }

    /** A section heading: its level (1 = 一、, 2 = （一）) and its text without numbering or counts. */
    record Section(int level, String text) {
    }

    /** What a row is when it is not a task: a section heading, or a note to skip. */
    static Optional<Section> sectionOf(Grid.Row row) {
        Set<String> texts = new LinkedHashSet<>();
        for (String c : row.cells()) {
            if (!c.isBlank()) {
                texts.add(c.strip());
            }
        }
        if (texts.size() != 1) {
            return Optional.empty();
        }
        String raw = texts.iterator().next().strip();
        if (Normalizer.normalize(raw, Normalizer.Form.NFKC).matches("^\\d+[.、]?$")) {
            return Optional.empty(); // a lone 序号: a task row whose other cells are missing
        }
        if (NOTE.matcher(raw).find()) {
            return Optional.of(new Section(0, raw));
        }
        int level = SUB.matcher(raw).find() ? 2 : 1;
        String text = TOP.matcher(SUB.matcher(raw).replaceFirst("")).replaceFirst("");
        text = COUNT.matcher(text).replaceFirst("").replaceAll("[:：]$", "").strip();
        return Optional.of(new Section(level, text.isEmpty() ? raw : text));
    }
}
