package org.duban.ui.common;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;

/** Small builders shared by the screens' forms, so that every form looks and reads the same. */
public final class FormParts {
    private FormParts() {
    }

    /** A label above an input, tied to it for screen readers. */
    public static VBox labelled(String key, Node input) {
        Label l = new Label(Messages.tr(key));
        l.getStyleClass().add("form-label");
        l.setLabelFor(input);
        return new VBox(2, l, input);
    }

    public static TextField text(String id, String key, StringProperty bound) {
        TextField t = new TextField();
        t.setId(id);
        t.setAccessibleText(Messages.tr(key));
        t.setPromptText(Messages.tr(key));
        t.textProperty().bindBidirectional(bound);
        return t;
    }

    /** The error line of a form: red, blank (its room kept) while empty. */
    public static Label error(String id, StringProperty message) {
        Label e = new Label();
        e.setId(id);
        e.getStyleClass().add("field-error");
        e.setWrapText(true);
        e.textProperty().bind(message);
        // its line is kept while empty: an error appearing does not move the fields under the pointer
        e.visibleProperty().bind(message.isNotEmpty());
        return e;
    }

    public static Label heading(String key) {
        Label h = new Label(Messages.tr(key));
        h.getStyleClass().add("section-heading");
        h.setPadding(new Insets(6, 0, 0, 0));
        return h;
    }

    /** A column of text with the whole text in a tooltip. */
    public static <S> TableColumn<S, String> column(String key, java.util.function.Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(Messages.tr(key));
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                if (empty || item == null || item.length() < 16) {
                    setTooltip(null);
                } else {
                    Tooltip t = new Tooltip(item);
                    t.setWrapText(true);
                    t.setMaxWidth(520);
                    setTooltip(t);
                }
            }
        });
        return c;
    }
}
