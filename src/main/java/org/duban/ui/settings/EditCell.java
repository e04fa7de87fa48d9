package org.duban.ui.settings;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * A table cell whose text is edited in place and bound to a property of its row: the edit is kept on Enter and also
 * when the field loses the focus (JavaFX's own text cell drops it then, which a clerk would not expect); Esc drops
 * it. Rows for which {@code locked} holds (history, such as a merged unit) are not edited.
 */
final class EditCell<S> extends TableCell<S, String> {
    private final Function<S, StringProperty> property;
    private final Predicate<S> locked;
    private TextField field;

    EditCell(Function<S, StringProperty> property, Predicate<S> locked) {
        this.property = property;
        this.locked = locked;
    }

    private S row() {
        return getTableRow() == null ? null : getTableRow().getItem();
    }

    @Override
    public void startEdit() {
        S row = row();
        if (row == null || locked.test(row)) {
            return;
        }
        super.startEdit();
        field = new TextField(property.apply(row).get());
        field.setOnAction(e -> commit());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && isEditing()) {
                commit();
            }
        });
        setText(null);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    private void commit() {
        S row = row();
        if (row != null && field != null) {
            property.apply(row).set(field.getText());
        }
        if (isEditing()) {
            commitEdit(field == null ? getItem() : field.getText());
        }
    }

    @Override
    public void commitEdit(String value) {
        super.commitEdit(value);
        setGraphic(null);
        setText(value);
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        setGraphic(null);
        setText(getItem());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (!isEditing()) {
            setText(item);
            setGraphic(null);
        }
    }
}
