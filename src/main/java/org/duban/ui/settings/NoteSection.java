package org.duban.ui.settings;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A section that only explains, in a plain sentence, why what it usually offers does not apply here: the backups
 * folder of a shared ledger, which is kept by its server rather than in a file beside the program.
 */
public final class NoteSection implements SettingsSection {
    private final String titleKey;
    private final String id;
    private final String text;

    public NoteSection(String titleKey, String id, String text) {
        this.titleKey = titleKey;
        this.id = id;
        this.text = text;
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    @Override
    public boolean writesLedger() {
        return false;
    }

    @Override
    public Node content() {
        Label note = new Label(text);
        note.setId(id);
        note.setWrapText(true);
        note.setAccessibleText(text);
        note.getStyleClass().add("hint-label");
        VBox box = new VBox(note);
        box.setMaxWidth(900);
        return box;
    }
}
