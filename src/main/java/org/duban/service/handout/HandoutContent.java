package org.duban.service.handout;

import java.util.List;

/**
 * What one unit's handout says, before layout: the title ("宁德市生态环境保护重点工作任务清单"), the unit
 * line ("（蕉城区）"), the meeting line, and the unit's tasks grouped under their source headings.
 */
public record HandoutContent(String unitName, String title, String unitLine, String meetingLine,
                             List<Section> sections) {
    public HandoutContent {
        sections = List.copyOf(sections);
    }

    /** A source heading ("一、中央生态环境保护督察反馈问题") and its tasks in 序号 order. */
    public record Section(String heading, List<HandoutEntry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    public int taskCount() {
        return sections.stream().mapToInt(s -> s.entries().size()).sum();
    }
}
