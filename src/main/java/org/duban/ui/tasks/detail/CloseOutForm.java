package org.duban.ui.tasks.detail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.Evidence;
import org.duban.model.VerificationLevel;
import org.duban.service.tracking.AssignmentState;

/**
 * The 销号 tab: which step the chosen unit's application is at, and the form of the next step (apply, verify,
 * start 公示, close, or reopen with a reason), plus the unit's evidence files.
 */
public final class CloseOutForm {
    /** What the tab offers next. */
    public enum Step { APPLY, VERIFY, NOTICE, CLOSE, REOPEN }

    private final TaskDetailViewModel vm;
    private final ObjectProperty<CloseOut> current = new SimpleObjectProperty<>();
    private final ObjectProperty<CloseOutStage> stage = new SimpleObjectProperty<>();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.APPLY);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty explanation = new SimpleStringProperty("");
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<VerificationLevel> level = new SimpleObjectProperty<>(VerificationLevel.COUNTY);
    private final StringProperty verifiers = new SimpleStringProperty("");
    private final BooleanProperty passed = new SimpleBooleanProperty(true);
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> noticeTo = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    CloseOutForm(TaskDetailViewModel vm) {
        this.vm = vm;
        date.addListener((obs, o, n) -> {
            if (step.get() == Step.NOTICE && n != null) {
                noticeTo.set(n.plusDays(vm.noticeDays() - 1L));
            }
        });
    }

    /** Shows the step of the chosen unit's latest application. */
    void reset(AssignmentState s) {
        CloseOut co = s == null ? null : s.closeOut();
        current.set(co);
        CloseOutStage st = co == null ? null : co.stageOn(vm.today());
        stage.set(st);
        step.set(st == null || !st.isActive() ? Step.APPLY : switch (st) {
            case APPLIED -> Step.VERIFY;
            case VERIFIED -> Step.NOTICE;
            case IN_NOTICE, NOTICE_OVER -> Step.CLOSE;
            default -> Step.REOPEN;
        });
        error.set("");
        date.set(vm.today());
        if (step.get() == Step.NOTICE) {
            noticeTo.set(vm.today().plusDays(vm.noticeDays() - 1L));
        }
    }

    /** Does the step shown: apply, verify, start 公示, close or reopen. */
    public void submit(Runnable onDone) {
        var s = vm.services().closeOuts();
        CloseOut co = current.get();
        Long assignment = vm.selectedAssignmentId();
        LocalDate day = date.get();
        switch (step.get()) {
            case APPLY -> {
                if (assignment == null) {
                    return;
                }
                String text = explanation.get();
                List<Path> chosen = List.copyOf(files);
                vm.change(() -> s.apply(assignment, day, text, vm.services().evidence().read(chosen)), error, saving,
                        r -> {
                            explanation.set("");
                            files.clear();
                            onDone.run();
                        });
            }
            case VERIFY -> {
                VerificationLevel lv = level.get();
                String who = verifiers.get();
                boolean ok = passed.get();
                String n = note.get();
                vm.change(() -> s.verify(co.id(), lv, who, day, ok, n, co), error, saving, r -> onDone.run());
            }
            case NOTICE -> {
                LocalDate to = noticeTo.get();
                vm.change(() -> s.startNotice(co.id(), day, to, co), error, saving, r -> onDone.run());
            }
            case CLOSE -> vm.change(() -> s.close(co.id(), day, co), error, saving, r -> onDone.run());
            case REOPEN -> {
                String why = reason.get();
                vm.change(() -> s.reopen(co.id(), day, why, co), error, saving, r -> {
                    reason.set("");
                    onDone.run();
                });
            }
            default -> {
            }
        }
    }

    /** Asks for files to send with the application. */
    public void chooseFiles() {
        files.setAll(vm.services().dialogs().chooseFiles(Messages.tr("evidence.chooser.title")));
    }

    /** Asks for files and attaches them to the chosen unit's share (and its live application, if any). */
    public void addEvidence() {
        Long assignment = vm.selectedAssignmentId();
        if (assignment == null) {
            return;
        }
        List<Path> chosen = vm.services().dialogs().chooseFiles(Messages.tr("evidence.chooser.title"));
        if (chosen.isEmpty()) {
            return;
        }
        CloseOut co = current.get();
        Long closeOutId = co != null && stage.get() != null && stage.get().isActive() ? co.id() : null;
        vm.change(() -> vm.services().evidence().attachFiles(assignment, null, closeOutId, chosen), error, saving,
                r -> { });
    }

    /** 预览: images and PDFs in the viewer window, other types in the computer's program (a temporary copy). */
    public org.duban.ui.common.evidence.EvidenceViewer previewEvidence(Evidence e, javafx.stage.Window owner) {
        if (e == null) {
            return null;
        }
        var evidence = vm.services().evidence();
        return org.duban.ui.common.evidence.EvidenceViewer.open(owner, e.fileName(), e.mediaType(),
                () -> evidence.content(e.id()), vm.services().runner(), vm.services().dialogs(),
                org.duban.ui.common.FolderOpener.desktop());
    }

    /** Saves a stored file where the user chooses. */
    public void saveEvidence(Evidence e) {
        var target = vm.services().dialogs().chooseSaveFile(Messages.tr("evidence.save.title"), e.fileName());
        target.ifPresent(path -> vm.services().runner().run(() -> {
            vm.services().evidence().saveTo(e.id(), path);
            return path;
        }, p -> vm.services().dialogs().showInfo(Messages.tr("evidence.save.title"),
                Messages.tr("evidence.save.done", e.fileName(), p)), vm::failed));
    }

    /** Removes a file attached by mistake, after asking. */
    public void deleteEvidence(Evidence e) {
        boolean ok = vm.services().dialogs().confirmDestructive(Messages.tr("evidence.delete.title"),
                Messages.tr("evidence.delete.message", e.fileName()), Messages.tr("evidence.delete.ok"));
        if (ok) {
            vm.change(() -> {
                vm.services().evidence().delete(e.id());
                return e;
            }, error, saving, r -> { });
        }
    }

    public ObjectProperty<CloseOut> currentProperty() {
        return current;
    }

    public ObjectProperty<CloseOutStage> stageProperty() {
        return stage;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty explanationProperty() {
        return explanation;
    }

    public ObservableList<Path> files() {
        return files;
    }

    public ObjectProperty<VerificationLevel> levelProperty() {
        return level;
    }

    public StringProperty verifiersProperty() {
        return verifiers;
    }

    public BooleanProperty passedProperty() {
        return passed;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<LocalDate> noticeToProperty() {
        return noticeTo;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
