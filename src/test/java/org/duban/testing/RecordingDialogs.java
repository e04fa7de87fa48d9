package org.duban.testing;

import java.util.ArrayList;
import java.util.List;
import org.duban.ui.common.DialogService;

/** Stands in for the user at dialogs: records what was shown and answers confirmations as told. */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    /** The confirmations asked with 取消 as the default button (also in {@link #confirmations}). */
    public final List<String> destructive = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public boolean answer = true;
    /** What the next file chooser returns (evidence to attach). */
    public List<java.nio.file.Path> filesToOpen = List.of();
    /** Where the next save dialog points, or null for "cancelled". */
    public java.nio.file.Path saveTarget;
    /** The folder the next folder chooser returns, or null for "cancelled". */
    public java.nio.file.Path folderToChoose;

    @Override
    public void showError(String title, String message, Throwable cause) {
        errors.add(message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }

    @Override
    public List<java.nio.file.Path> chooseFiles(String title) {
        return filesToOpen;
    }

    /** The file names the save dialogs suggested, in order. */
    public final List<String> suggestedNames = new ArrayList<>();

    @Override
    public java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String fileName) {
        suggestedNames.add(fileName);
        return java.util.Optional.ofNullable(saveTarget);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFolder(String title) {
        return java.util.Optional.ofNullable(folderToChoose);
    }

    /** What the next choice answers: the option whose text this is, or null for "cancelled". */
    public String choiceToPick;
    public final List<String> choices = new ArrayList<>();

    @Override
    public <T> java.util.Optional<T> choose(String title, String message, List<T> options) {
        choices.add(message);
        return options.stream().filter(o -> o.toString().equals(choiceToPick)).findFirst();
    }

    @Override
    public boolean confirm(String title, String message, String okText) {
        confirmations.add(message);
        return answer;
    }

    @Override
    public boolean confirmDestructive(String title, String message, String okText) {
        destructive.add(message);
        return confirm(title, message, okText);
    }

    /** What the next "unsaved changes" question answers (取消 unless told). */
    public Unsaved unsavedAnswer = Unsaved.CANCEL;
    /** The "unsaved changes" questions asked, by message. */
    public final List<String> unsavedQuestions = new ArrayList<>();

    @Override
    public Unsaved askUnsaved(String title, String message) {
        unsavedQuestions.add(message);
        return unsavedAnswer;
    }
}
