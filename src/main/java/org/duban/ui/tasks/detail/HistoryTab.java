package org.duban.ui.tasks.detail;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.duban.i18n.Messages;
import org.duban.model.AuditEntry;
import org.duban.ui.common.FormParts;

/** 历史: the task's audit trail, newest first: when, who, what (and which unit), old and new value. */
final class HistoryTab {
    private final BorderPane root = new BorderPane();

    HistoryTab(TaskDetailViewModel vm) {
        TableView<AuditEntry> table = new TableView<>(vm.history());
        table.setId("historyTable");
        table.setAccessibleText(Messages.tr("detail.tab.history"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("detail.history.none")));
        TableColumn<AuditEntry, String> time = FormParts.column("detail.history.time", Texts::time, 140);
        TableColumn<AuditEntry, String> who = FormParts.column("detail.history.operator", AuditEntry::operator, 150);
        TableColumn<AuditEntry, String> unit = FormParts.column("task.field.units",
                e -> e.unitId() == null ? "" : vm.unitName(e.unitId()), 110);
        TableColumn<AuditEntry, String> entity = FormParts.column("detail.history.entity", Texts::entity, 90);
        TableColumn<AuditEntry, String> what = FormParts.column("detail.history.what", Texts::what, 130);
        TableColumn<AuditEntry, String> oldValue = FormParts.column("detail.history.old",
                e -> value(vm, e.field(), e.oldValue()), 190);
        TableColumn<AuditEntry, String> newValue = FormParts.column("detail.history.new",
                e -> value(vm, e.field(), e.newValue()), 360);
        table.getColumns().setAll(java.util.List.of(time, who, unit, entity, what, oldValue, newValue));
        // the rows of a withdrawn share's unit are greyed, as the share is in the other tabs
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(AuditEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("withdrawn");
                var d = vm.detailProperty().get();
                if (!empty && item != null && item.unitId() != null && d != null && d.unitWithdrawn(item.unitId())) {
                    getStyleClass().add("withdrawn");
                }
            }
        });
        Label note = new Label(Messages.tr("detail.history.note"));
        note.getStyleClass().add("hint-label");
        note.setWrapText(true);
        root.setTop(note);
        root.setCenter(table);
        root.setPadding(new Insets(12));
        BorderPane.setMargin(note, new Insets(0, 0, 8, 0));
    }

    /** A share handed to another unit by a merge is written with unit ids: shown by name. */
    private static String value(TaskDetailViewModel vm, String field, String v) {
        if ("unitId".equals(field) && v != null && v.matches("\\d+")) {
            String name = vm.unitName(Long.parseLong(v));
            return name.isEmpty() ? v : name;
        }
        return Texts.value(field, v);
    }

    Node root() {
        return root;
    }
}
