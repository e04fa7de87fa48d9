package org.duban.service.importer;

import org.duban.service.excel.Grid;
import org.duban.service.tasks.TaskField;

/**
 * A column of the file with the field it goes to ({@code null}: not imported).
 *
 * @param index  0 = column A
 * @param header the heading as written in the file
 */
public record ImportColumn(int index, String header, TaskField field) {
    public String letter() {
        return Grid.columnLetter(index);
    }

    public ImportColumn withField(TaskField newField) {
        return new ImportColumn(index, header, newField);
    }
}
