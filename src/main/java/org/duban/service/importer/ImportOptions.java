package org.duban.service.importer;

import java.util.Map;
import org.duban.model.Term;
import org.duban.model.UnitKind;
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
 * @param newUnits            unit names the roster does not know, to add to it (with their kind) in the same
 *                            transaction as the import, so that the rows naming them import (issue 14)
 */
public record ImportOptions(int sheetIndex, Map<Integer, TaskField> mapping, String defaultSource,
                            boolean updateDifferentList, Map<String, String> sourceNames,
                            Map<String, String> categoryNames, Map<String, UnitKind> newUnits) {
    public static final ImportOptions DEFAULT = new ImportOptions(-1, null, "", false, Map.of(), Map.of(), Map.of());

    public ImportOptions(int sheetIndex, Map<Integer, TaskField> mapping, String defaultSource,
                         boolean updateDifferentList, Map<String, String> sourceNames, Map<String, String> categoryNames) {
        this(sheetIndex, mapping, defaultSource, updateDifferentList, sourceNames, categoryNames, Map.of());
    }

    public ImportOptions {
        defaultSource = defaultSource == null ? "" : defaultSource.strip();
        sourceNames = sourceNames == null ? Map.of() : Map.copyOf(sourceNames);
        categoryNames = categoryNames == null ? Map.of() : Map.copyOf(categoryNames);
        newUnits = newUnits == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newUnits));
    }

    /** The unknown units to add to the roster with the import (name → kind), in the order given. */
    public ImportOptions withNewUnits(Map<String, UnitKind> units) {
        return new ImportOptions(sheetIndex, mapping, defaultSource, updateDifferentList, sourceNames, categoryNames,
                units);
    }

    public ImportOptions withMapping(Map<Integer, TaskField> newMapping) {
        return new ImportOptions(sheetIndex, newMapping, defaultSource, updateDifferentList, sourceNames, categoryNames,
                newUnits);
    }

    public ImportOptions withDefaultSource(String source) {
        return new ImportOptions(sheetIndex, mapping, source, updateDifferentList, sourceNames, categoryNames, newUnits);
    }

    public ImportOptions withUpdateDifferentList(boolean update) {
        return new ImportOptions(sheetIndex, mapping, defaultSource, update, sourceNames, categoryNames, newUnits);
    }

    /** The names chosen for written sources or categories (written → name). */
    public ImportOptions withNames(Term.Kind kind, Map<String, String> names) {
        return kind == Term.Kind.SOURCE
                ? new ImportOptions(sheetIndex, mapping, defaultSource, updateDifferentList, names, categoryNames, newUnits)
                : new ImportOptions(sheetIndex, mapping, defaultSource, updateDifferentList, sourceNames, names, newUnits);
    }

    public Map<String, String> names(Term.Kind kind) {
        return kind == Term.Kind.SOURCE ? sourceNames : categoryNames;
    }
}
