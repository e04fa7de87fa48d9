package org.duban.service.importer;

import java.util.Map;
import org.duban.model.Term;
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
 * @param sourceNames         a 来源 as written in the file → the name the tasks get (an existing one, or the
 *                            written one accepted as new), overriding how it was matched
 * @param categoryNames       the same for 问题类别
 */
public record ImportOptions(int sheetIndex, Map<Integer, TaskField> mapping, String defaultSource,
                            boolean updateDifferentList, Map<String, String> sourceNames,
                            Map<String, String> categoryNames) {
    public static final ImportOptions DEFAULT = new ImportOptions(-1, null, "", false, Map.of(), Map.of());

    public ImportOptions {
        defaultSource = defaultSource == null ? "" : defaultSource.strip();
        sourceNames = sourceNames == null ? Map.of() : Map.copyOf(sourceNames);
        categoryNames = categoryNames == null ? Map.of() : Map.copyOf(categoryNames);
    }

    public ImportOptions withMapping(Map<Integer, TaskField> newMapping) {
        return new ImportOptions(sheetIndex, newMapping, defaultSource, updateDifferentList, sourceNames, categoryNames);
    }

    public ImportOptions withDefaultSource(String source) {
        return new ImportOptions(sheetIndex, mapping, source, updateDifferentList, sourceNames, categoryNames);
    }

    public ImportOptions withUpdateDifferentList(boolean update) {
        return new ImportOptions(sheetIndex, mapping, defaultSource, update, sourceNames, categoryNames);
    }

    /** The names chosen for written sources or categories (written → name). */
    public ImportOptions withNames(Term.Kind kind, Map<String, String> names) {
        return kind == Term.Kind.SOURCE
                ? new ImportOptions(sheetIndex, mapping, defaultSource, updateDifferentList, names, categoryNames)
                : new ImportOptions(sheetIndex, mapping, defaultSource, updateDifferentList, sourceNames, names);
    }

    public Map<String, String> names(Term.Kind kind) {
        return kind == Term.Kind.SOURCE ? sourceNames : categoryNames;
    }
}
