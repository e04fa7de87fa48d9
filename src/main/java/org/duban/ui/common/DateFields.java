package org.duban.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date pickers that read and show {@code 2026-11-29} whatever the machine's locale, and that take what was typed
 * when the field loses focus (a plain DatePicker forgets typed text unless Enter was pressed).
 */
public final class DateFields {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private DateFields() {
    }

    public static DatePicker picker(String id, String accessibleText) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setAccessibleText(accessibleText);
        p.setPromptText("2026-11-29");
        p.setEditable(true);
        p.setPrefWidth(140);
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : ISO.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return parse(s);
            }
        });
        p.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit(p);
            }
        });
        return p;
    }

    /** Takes the editor's text into the value (an unreadable text keeps the old value and is shown again). */
    public static void commit(DatePicker p) {
        String text = p.getEditor().getText();
        LocalDate d = parse(text);
        if (d != null || text == null || text.isBlank()) {
            p.setValue(d);
        }
        p.getEditor().setText(d == null ? (p.getValue() == null ? "" : ISO.format(p.getValue())) : ISO.format(d));
    }

    /** {@code 2026-11-29}, {@code 2026.11.29}, {@code 2026/11/29} or {@code 2026年11月29日}; null when unreadable. */
    public static LocalDate parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replace('.', '-').replace('/', '-').replace("年", "-").replace("月", "-")
                .replace("日", "");
        String[] parts = t.split("-");
        if (parts.length != 3) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** ISO text, or empty for null. */
    public static String text(LocalDate d) {
        return d == null ? "" : ISO.format(d);
    }
}
