package org.duban.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.duban.i18n.Messages;

/**
 * The forms open in a window that may hold typed text not yet saved (a progress report in a task's detail, the
 * new-task form): closing the window asks about them first, 保存 / 不保存 / 取消, as the settings do. A form is
 * counted for the window whose scene root it was first shown under, until it is {@linkplain #forget forgotten}.
 */
public final class OpenForms {
    private static final String KEY = "duban.openForms";

    /** A form that can say whether something is typed, save it, or throw it away. */
    public interface Form {
        /** What the user would lose, in words ("序号 3 的进展报告"). */
        String what();

        /** Something typed and not yet saved. */
        boolean isDirty();

        /**
         * Saves what is typed; {@code then} runs once it is stored. A save that is refused shows its reason in the
         * form and does not run {@code then}: nothing typed is lost.
         */
        void save(Runnable then);

        /** Throws the typed text away. */
        void discard();
    }

    private OpenForms() {
    }

    /** Counts {@code form} for the window {@code node} is shown in (now, or as soon as it is shown). */
    public static void track(Node node, Form form) {
        if (node.getScene() != null) {
            add(node.getScene().getRoot(), form);
            return;
        }
        node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene old, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    add(scene.getRoot(), form);
                }
            }
        });
    }

    /** Counts {@code form} (a dialog of its own) for its owner window. */
    public static void track(Window owner, Form form) {
        if (owner != null && owner.getScene() != null) {
            add(owner.getScene().getRoot(), form);
        }
    }

    /** {@code form} is closed (saved, or given up): it no longer counts anywhere. */
    public static void forget(Node node, Form form) {
        if (node != null && node.getScene() != null) {
            forms(node.getScene().getRoot()).remove(form);
        }
        FORGOTTEN.add(form); // the form may have been counted under a root it no longer shows in
    }

    /** {@code form} (a dialog of its own) is closed: it no longer counts for its owner. */
    public static void forget(Window owner, Form form) {
        if (owner != null && owner.getScene() != null) {
            forms(owner.getScene().getRoot()).remove(form);
        }
    }

    private static final Set<Form> FORGOTTEN = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    private static void add(Parent root, Form form) {
        if (!FORGOTTEN.contains(form)) {
            forms(root).add(form);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Form> forms(Parent root) {
        return (Set<Form>) root.getProperties().computeIfAbsent(KEY, k -> new LinkedHashSet<Form>());
    }

    /** The forms of the window whose scene root is {@code root} that hold unsaved text, in the order opened. */
    public static List<Form> dirty(Parent root) {
        List<Form> dirty = new ArrayList<>();
        for (Form f : forms(root)) {
            if (!FORGOTTEN.contains(f) && f.isDirty()) {
                dirty.add(f);
            }
        }
        return dirty;
    }

    /**
     * Asked before the window whose scene root is {@code root} closes: true when no form holds unsaved text, or the
     * user chose 不保存 (the text is thrown away); false for 取消, and for 保存, whose saves run first and then call
     * {@code closeAfterSaving} (never, if a save is refused: the form shows why and keeps the text).
     */
    public static boolean mayClose(Parent root, DialogService dialogs, Runnable closeAfterSaving) {
        List<Form> dirty = dirty(root);
        if (dirty.isEmpty()) {
            return true;
        }
        List<String> names = dirty.stream().map(Form::what).toList();
        DialogService.Unsaved answer = dialogs.askUnsaved(Messages.tr("unsaved.forms.title"),
                Messages.tr("unsaved.forms.message", String.join(Messages.tr("unsaved.forms.separator"), names)));
        return switch (answer) {
            case SAVE -> {
                saveInTurn(dirty, 0, closeAfterSaving);
                yield false;
            }
            case DISCARD -> {
                dirty.forEach(Form::discard);
                yield true;
            }
            case CANCEL -> false;
        };
    }

    private static void saveInTurn(List<Form> forms, int i, Runnable then) {
        if (i == forms.size()) {
            then.run();
        } else {
            forms.get(i).save(() -> saveInTurn(forms, i + 1, then));
        }
    }
}
