package org.duban.ui.tasks.detail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.duban.i18n.Messages;
import org.duban.service.dossier.DossierService;
import org.duban.service.handout.FontPreference;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskDetail;
import org.duban.ui.common.Choice;

/**
 * 导出案卷…: asks whether the dossier covers all units or only the unit in scope (when the task has more than one),
 * asks for a folder, writes the dossier in the background and says where the files went.
 */
final class DossierExport {
    private final TaskDetailViewModel vm;
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    DossierExport(TaskDetailViewModel vm) {
        this.vm = vm;
    }

    /** True while a dossier is being written (the button waits). */
    BooleanProperty runningProperty() {
        return running;
    }

    void run() {
        TaskDetail d = vm.detailProperty().get();
        if (d == null || running.get()) {
            return;
        }
        Long unitId = null;
        AssignmentState sel = vm.selectedProperty().get();
        if (sel != null && d.task().assignments().size() > 1) {
            List<Choice<Long>> options = new ArrayList<>();
            options.add(new Choice<>(null, Messages.tr("detail.dossier.allUnits")));
            options.add(new Choice<>(sel.unitId(), Messages.tr("detail.dossier.oneUnit", vm.unitName(sel.unitId()))));
            Optional<Choice<Long>> scope = vm.services().dialogs().choose(Messages.tr("detail.dossier.title"),
                    Messages.tr("detail.dossier.scope", d.task().seq()), options);
            if (scope.isEmpty()) {
                return;
            }
            unitId = scope.get().value();
        }
        Optional<Path> folder = vm.services().dialogs().chooseFolder(Messages.tr("detail.dossier.folder"));
        if (folder.isEmpty()) {
            return;
        }
        long taskId = vm.taskId();
        Long unit = unitId;
        DossierService dossiers = vm.services().dossiers();
        running.set(true);
        vm.services().runner().run(() -> dossiers.write(taskId, unit, folder.get(), FontPreference.OFFICE), r -> {
            running.set(false);
            vm.services().dialogs().showInfo(Messages.tr("detail.dossier.title"), Messages.tr("detail.dossier.done",
                    r.pdf().getParent(), r.pdf().getFileName(), r.files().size(), r.evidenceFolder().getFileName()));
        }, e -> {
            running.set(false);
            vm.failed(e);
        });
    }
}
