package org.duban.service.importer;

import java.util.Map;
import org.duban.service.tasks.TaskField;

/**
 * Choices the user makes about a file.
 *
 * @param sheetIndex          which sheet to read, or -1 for the first with a recognisable heading row
 * @param mapping             column (0 = A) → field, overriding what the headings say; a null field skips the
 *                            column. Null keeps the mapping the headings give.
 * @param defaultSource       来源 for rows that have none (no 来源 column, no section row above them)
 * @param updateDifferentList the user has seen that the file is a different list, not a revision of the meeting's
 *                            ({@link ImportPlan.ListMatch#different()}), and still wants its tasks updated by 序号
 */
public record ImportOptions(int sheetIndex, Map<Integer, TaskField> mapping, String defaultSource,
                            boolean updateDifferentList) {
    public static final ImportOptions DEFAULT = new ImportOptions(-1, null, "", false);

    public ImportOptions {
        defaultSource = defaultSource == null ? "" : defaultSource.strip();
    }

    public ImportOptions withMapping(Map<Integer, TaskField> newMapping) {
        return new ImportOptions(sheetIndex, newMapping, defaultSource, updateDifferentList);
    }

    public ImportOptions withDefaultSource(String source) {
        return new ImportOptions(sheetIndex, mapping, source, updateDifferentList);
    }

    public ImportOptions withUpdateDifferentList(boolean update) {
        return new ImportOptions(sheetIndex, mapping, defaultSource, update);
    }
}
