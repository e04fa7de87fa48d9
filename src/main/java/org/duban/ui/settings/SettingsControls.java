package org.duban.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import org.duban.i18n.Messages;

/** Controls shared by the settings sections. */
final class SettingsControls {
    private SettingsControls() {
    }

    /** An editable number field bound both ways to a property. */
    static Spinner<Integer> number(String id, String accessibleKey, int min, int max, IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                Math.max(min, Math.min(max, value.get())));
        s.setValueFactory(f);
        s.setEditable(true);
        s.setId(id);
        s.setAccessibleText(Messages.tr(accessibleKey));
        s.setPrefWidth(100);
        f.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                value.set(n);
            }
        });
        value.addListener((obs, o, n) -> f.setValue(n.intValue()));
        // a whole number in range counts as soon as it is typed, so the unsaved-changes bar shows while typing
        s.getEditor().textProperty().addListener((obs, o, text) -> {
            try {
                int typed = Integer.parseInt(text.strip());
                if (typed >= min && typed <= max && typed != value.get()) {
                    value.set(typed);
                }
            } catch (NumberFormatException e) {
                // not a number (yet): taken or put back when the field is left
            }
        });
        s.focusedProperty().addListener((obs, o, focused) -> {
            if (!focused) {
                commit(s);
            }
        });
        return s;
    }

    /** Takes typed text into the value (JavaFX spinners only do on Enter). */
    static void commit(Spinner<Integer> s) {
        String text = s.getEditor().getText();
        try {
            s.getValueFactory().setValue(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            s.getEditor().setText(String.valueOf(s.getValue()));
        }
    }

    /** The line under a section that says "saved" or what is wrong. */
    static Label message(String id, StringProperty text, BooleanProperty error) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        error.addListener((obs, o, n) -> {
            l.getStyleClass().removeAll("field-error", "hint-label");
            l.getStyleClass().add(n ? "field-error" : "hint-label");
        });
        l.getStyleClass().add("hint-label");
        return l;
    }
}
