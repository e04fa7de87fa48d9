package org.duban.ui.common;

import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.duban.i18n.Messages;

/** A label and a file path in a read-only field: the user can select and copy the path, not change it. */
public final class PathRow {
    private PathRow() {
    }

    /** The row; the field gets {@code fieldId} and the label's text as accessible text. */
    public static HBox of(String fieldId, String labelKey, Path path) {
        return of(fieldId, labelKey, path.toString());
    }

    /** The row for a place that is not a file path (a shared ledger's address). */
    public static HBox of(String fieldId, String labelKey, String place) {
        Label label = new Label(Messages.tr(labelKey));
        TextField field = new TextField(place);
        field.setId(fieldId);
        field.setEditable(false);
        field.setAccessibleText(Messages.tr(labelKey));
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox row = new HBox(8, label, field);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
