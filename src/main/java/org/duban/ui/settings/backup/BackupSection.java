package org.duban.ui.settings.backup;

import java.io.File;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.duban.i18n.Messages;
import org.duban.model.Backup;
import org.duban.service.backup.BackupService;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.settings.SettingsSection;
import org.kordamp.ikonli.javafx.FontIcon;

/** Settings → 数据备份: the list of backups, how many to keep, back up now, restore. */
public final class BackupSection implements SettingsSection {
    private final BackupSectionViewModel vm;
    private final TableView<Backup> table = new TableView<>();
    private final LedgerAccess access;

    public BackupSection(BackupSectionViewModel vm) {
        this(vm, LedgerAccess.of(vm.isReadOnly()));
    }

    /** With the window's {@code access}: restoring and the number kept follow it (read-only until the check passed). */
    public BackupSection(BackupSectionViewModel vm, LedgerAccess access) {
        this.vm = vm;
        this.access = vm.isReadOnly() ? LedgerAccess.of(true) : access;
    }

    @Override
    public String titleKey() {
        return "settings.backup.title";
    }

    /** A backup reads the ledger, so it works read-only; what changes the ledger (restore, the number kept) not. */
    @Override
    public boolean writesLedger() {
        return false;
    }

    @Override
    public Node content() {
        Label folder = new Label();
        folder.setId("backupFolderLabel");
        folder.getStyleClass().add("hint-label");
        folder.setWrapText(true);
        folder.textProperty().bind(vm.folderTextProperty());

        Spinner<Integer> keep = new Spinner<>();
        keep.setId("backupKeepSpinner");
        keep.setAccessibleText(Messages.tr("settings.backup.keep"));
        keep.setEditable(true);
        keep.setPrefWidth(100);
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, BackupService.MAX_KEEP, vm.keepProperty().get());
        keep.setValueFactory(values);
        vm.keepProperty().addListener((o, a, n) -> values.setValue(n.intValue()));
        values.valueProperty().addListener((o, a, n) -> {
            if (n != null) {
                vm.changeKeep(n);
            }
        });
        access.writes(keep);
        HBox keepRow = new HBox(8, new Label(Messages.tr("settings.backup.keep")), keep,
                new Label(Messages.tr("settings.backup.keepUnit")));
        keepRow.setAlignment(Pos.CENTER_LEFT);

        Button now = new Button(Messages.tr("settings.backup.now"), new FontIcon("mdi2c-content-save-outline"));
        now.setId("backupNowButton");
        now.setAccessibleText(Messages.tr("settings.backup.now"));
        now.getStyleClass().add("accent");
        now.disableProperty().bind(vm.busyProperty());
        now.setOnAction(e -> vm.backupNow());

        Button restore = new Button(Messages.tr("settings.backup.restore"), new FontIcon("mdi2b-backup-restore"));
        restore.setId("restoreBackupButton");
        restore.setAccessibleText(Messages.tr("settings.backup.restore"));
        access.restores(restore, table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        restore.setOnAction(e -> vm.restore(table.getSelectionModel().getSelectedItem()));

        Button fromFile = new Button(Messages.tr("settings.backup.restoreFile"), new FontIcon("mdi2f-folder-open-outline"));
        fromFile.setId("restoreFileButton");
        fromFile.setAccessibleText(Messages.tr("settings.backup.restoreFile"));
        access.restores(fromFile, vm.busyProperty());
        fromFile.setOnAction(e -> chooseFile());
        HBox buttons = new HBox(8, now, restore, fromFile);
        buttons.setAlignment(Pos.CENTER_LEFT);

        table.setId("backupTable");
        table.setAccessibleText(Messages.tr("settings.backup.list"));
        table.setItems(vm.backups());
        table.setPlaceholder(new Label(Messages.tr("settings.backup.none")));
        table.setPrefHeight(260);
        table.setMaxWidth(720);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("settings.backup.col.time", 180,
                b -> BackupSectionViewModel.TIME.format(b.takenAt())));
        table.getColumns().add(column("settings.backup.col.reason", 160,
                b -> Messages.tr("backup.reason." + b.reason().name())));
        table.getColumns().add(column("settings.backup.col.size", 100, b -> size(b.size())));
        table.getColumns().add(column("settings.backup.col.file", 260, b -> b.file().getFileName().toString()));

        Label status = new Label();
        status.setId("backupStatusLabel");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        Label hint = new Label(Messages.tr("settings.backup.hint"));
        hint.getStyleClass().add("hint-label");
        hint.setWrapText(true);

        VBox box = new VBox(10, hint, folder, keepRow, buttons, table, status);
        box.setId("backupSection");
        box.setMaxWidth(760);
        vm.load();
        return box;
    }

    private static TableColumn<Backup, String> column(String key, double width,
                                                      java.util.function.Function<Backup, String> text) {
        TableColumn<Backup, String> c = new TableColumn<>(Messages.tr(key));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        return c;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Messages.tr("settings.backup.sizeKb", Math.max(1, Math.round(bytes / 1024.0)));
        }
        return Messages.tr("settings.backup.sizeMb", String.format("%.1f", bytes / (1024.0 * 1024)));
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.tr("settings.backup.restoreFile"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.tr("settings.backup.fileFilter"), "*.db", "*.sqlite"),
                new FileChooser.ExtensionFilter(Messages.tr("settings.backup.allFiles"), "*.*"));
        File initial = vm.backups().isEmpty() ? null : vm.backups().get(0).file().getParent().toFile();
        if (initial != null && initial.isDirectory()) {
            chooser.setInitialDirectory(initial);
        }
        File picked = chooser.showOpenDialog(table.getScene() == null ? null : table.getScene().getWindow());
        if (picked != null) {
            vm.restoreFile(picked.toPath());
        }
    }
}
