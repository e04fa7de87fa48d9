package org.duban.service.handout;

import java.util.List;

/**
 * What one unit's handout says, before layout: the title ("宁德市生态环境保护重点工作任务清单"), the unit
 * line ("（蕉城区）"), the meeting line, and the unit's tasks grouped under their source headings; {@code auditNote}
 * (留痕校验 …, the audit chain's head when it was read, or empty) is printed at the right of each page's footer.
 */
public record HandoutContent(String unitName, String title, String unitLine, String meetingLine,
                             List<Section> sections, String auditNote) {
    public HandoutContent {
        sections = List.copyOf(sections);
        auditNote = auditNote == null ? "" : auditNote;
    }

    public HandoutContent(String unitName, String title, String unitLine, String meetingLine, List<Section> sections) {
        this(unitName, title, unitLine, meetingLine, sections, "");
    }

    /** A source heading ("一、中央生态环境保护督察反馈问题") and its tasks in 序号 order. */
    public record Section(String heading, List<HandoutEntry> entries) {
        public Section {
            // a large unit's section read a piece at a time is not copied: that would read it whole
            entries = entries instanceof PiecedEntries ? entries : List.copyOf(entries);
        }
    }

    public int taskCount() {
        return sections.stream().mapToInt(s -> s.entries().size()).sum();
    }
}
