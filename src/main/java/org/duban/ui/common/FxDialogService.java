package org.duban.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.duban.i18n.Messages;

/**
 * {@link DialogService} with JavaFX alerts, themed like the main window. An alert sits over the window the user is
 * working in (a form open over the main window, say), else over the window given.
 */
public final class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    /**
     * The message, and the stack trace folded away under 技术细节 (for whoever helps the user), in the program's
     * language rather than the computer's (JavaFX's own expander says "Show Details" on an English system).
     */
    @Override
    public void showError(String title, String message, Throwable cause) {
        Alert alert = alert(Alert.AlertType.ERROR, title, message);
        if (cause != null) {
            StringWriter sw = new StringWriter();
            cause.printStackTrace(new PrintWriter(sw));
            TextArea trace = new TextArea(sw.toString());
            trace.setEditable(false);
            trace.setWrapText(false);
            trace.setPrefRowCount(12);
            TitledPane details = new TitledPane(Messages.tr("error.details"), trace);
            details.setId("errorDetails");
            details.setExpanded(false);
            details.setAnimated(false);
            // once the pane has laid its new height out (its skin hears of the change after this listener)
            details.expandedProperty().addListener((obs, o, n) -> Platform.runLater(
                    () -> alert.getDialogPane().getScene().getWindow().sizeToScene()));
            Label text = new Label(message);
            text.setWrapText(true);
            text.setMaxWidth(560); // a long message wraps instead of widening the dialog past the screen
            text.setMinHeight(Region.USE_PREF_SIZE);
            alert.getDialogPane().setContent(new VBox(12, text, details));
        }
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    /**
     * Enter answers with the highlighted {@code okText} button (it has the focus and is the default button), Esc or
     * the close box cancels; Tab moves to 取消, where Enter then cancels.
     */
    @Override
    public boolean confirm(String title, String message, String okText) {
        return ask(title, message, okText, false);
    }

    /** 取消 is the default button and has the focus: Enter and Esc both cancel; the step takes a click or Tab, Enter. */
    @Override
    public boolean confirmDestructive(String title, String message, String okText) {
        return ask(title, message, okText, true);
    }

    private boolean ask(String title, String message, String okText, boolean destructive) {
        Alert alert = alert(destructive ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, title, message);
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.tr("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(ok, cancel);
        Button okButton = (Button) alert.getDialogPane().lookupButton(ok);
        okButton.setId("confirmOkButton");
        okButton.setDefaultButton(!destructive);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("confirmCancelButton");
        cancelButton.setCancelButton(true);
        if (destructive) {
            cancelButton.setDefaultButton(true);
            okButton.getStyleClass().add("danger");
        }
        Button focused = destructive ? cancelButton : okButton;
        alert.setOnShown(e -> focused.requestFocus());
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    @Override
    public Unsaved askUnsaved(String title, String message) {
        Alert alert = alert(Alert.AlertType.WARNING, title, message);
        ButtonType save = new ButtonType(Messages.tr("common.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.tr("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.tr("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(save, discard, cancel);
        Button saveButton = (Button) alert.getDialogPane().lookupButton(save);
        saveButton.setId("unsavedSaveButton");
        saveButton.setDefaultButton(false);
        Button discardButton = (Button) alert.getDialogPane().lookupButton(discard);
        discardButton.setId("unsavedDiscardButton");
        discardButton.setDefaultButton(false);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("unsavedCancelButton");
        cancelButton.setCancelButton(true);
        cancelButton.setDefaultButton(true);
        alert.setOnShown(e -> cancelButton.requestFocus());
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? Unsaved.SAVE : answer == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    @Override
    public java.util.List<java.nio.file.Path> chooseFiles(String title) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(Messages.tr("evidence.chooser.common"),
                        "*.jpg", "*.jpeg", "*.png", "*.pdf", "*.doc", "*.docx", "*.xls", "*.xlsx", "*.ofd", "*.wps"),
                new javafx.stage.FileChooser.ExtensionFilter(Messages.tr("evidence.chooser.all"), "*.*"));
        var files = chooser.showOpenMultipleDialog(owner);
        return files == null ? java.util.List.of() : files.stream().map(java.io.File::toPath).toList();
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String fileName) {
        return saveDialog(saveChooser(title, fileName));
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String fileName, String filterName,
                                                                 String pattern) {
        javafx.stage.FileChooser chooser = saveChooser(title, fileName);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(filterName, pattern));
        return saveDialog(chooser);
    }

    private static javafx.stage.FileChooser saveChooser(String title, String fileName) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        return chooser;
    }

    private java.util.Optional<java.nio.file.Path> saveDialog(javafx.stage.FileChooser chooser) {
        var file = chooser.showSaveDialog(owner);
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        var dir = chooser.showDialog(owner);
        return java.util.Optional.ofNullable(dir).map(java.io.File::toPath);
    }

    @Override
    public <T> java.util.Optional<T> choose(String title, String message, java.util.List<T> options) {
        if (options.isEmpty()) {
            return java.util.Optional.empty();
        }
        // the message above the list, wrapped at a readable width (ChoiceDialog puts it beside the list, unwrapped:
        // a long message made the dialog wider than the screen); nothing chosen until the user chooses, since OK on
        // a preselected first entry would be an easy mistake
        javafx.scene.control.Dialog<T> dialog = new javafx.scene.control.Dialog<>();
        Window over = activeWindow();
        if (over != null) {
            dialog.initOwner(over);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setId("chooseMessage");
        text.setWrapText(true);
        text.setPrefWidth(560);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.ComboBox<T> box = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(options));
        box.setId("chooseBox");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setAccessibleText(title);
        box.setPromptText(Messages.tr("common.choosePrompt"));
        dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(12, text, box));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Theme.style(dialog.getDialogPane());
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("chooseOkButton");
        ok.setText(Messages.tr("common.ok"));
        ok.disableProperty().bind(box.valueProperty().isNull());
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("chooseCancelButton");
        cancel.setText(Messages.tr("common.cancel"));
        dialog.setResultConverter(b -> b == ButtonType.OK ? box.getValue() : null);
        javafx.application.Platform.runLater(box::requestFocus);
        return dialog.showAndWait().filter(java.util.Objects::nonNull);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window over = activeWindow();
        if (over != null) {
            alert.initOwner(over);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        Theme.style(alert.getDialogPane());
        return alert;
    }

    /**
     * The window the user is working in: the focused one of the program's windows (a form dialog over the main
     * window), else the window this service was made for.
     */
    private Window activeWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing() && w.isFocused())
                .findFirst().orElse(owner);
    }
}
