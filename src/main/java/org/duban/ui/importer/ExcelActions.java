package org.duban.ui.importer;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.service.importer.TaskImporter;
import org.duban.service.ledger.LedgerExporter;
import org.duban.service.meetings.MeetingService;
import org.duban.service.returns.ReturnFormWriter;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Excel menu of the checklist toolbar: import a task list (the wizard), export the ledger, export the
 * per-unit return forms. Files are read and written in the background.
 */
public final class ExcelActions {
    private final TaskImporter importer;
    private final LedgerExporter ledger;
    private final ReturnFormWriter returns;
    private final MeetingService meetings;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Supplier<Meeting> shown;
    private final java.util.function.Consumer<Meeting> afterImport;

    /**
     * @param shown       the meeting the checklist shows
     * @param afterImport shows the meeting imported into on the checklist
     */
    public ExcelActions(TaskImporter importer, LedgerExporter ledger, ReturnFormWriter returns, MeetingService meetings,
                        TaskRunner runner, DialogService dialogs, Supplier<Meeting> shown, java.util.function.Consumer<Meeting> afterImport) {
        this.importer = importer;
        this.ledger = ledger;
        this.returns = returns;
        this.meetings = meetings;
        this.runner = runner;
        this.dialogs = dialogs;
        this.shown = shown;
        this.afterImport = afterImport;
    }

    public MenuButton menuButton() {
        return menuButton(LedgerAccess.writable());
    }

    /** The menu; on a read-only ledger the import is switched off (the exports work). */
    public MenuButton menuButton(LedgerAccess access) {
        MenuButton menu = new MenuButton(Messages.tr("excel.menu"), new FontIcon("mdi2m-microsoft-excel"));
        menu.setId("excelMenu");
        menu.setAccessibleText(Messages.tr("excel.menu"));
        MenuItem imp = new MenuItem(Messages.tr("excel.import"));
        imp.setId("importTasksItem");
        imp.setOnAction(e -> openWizard(menu.getScene().getWindow()));
        access.writes(imp);
        MenuItem led = new MenuItem(Messages.tr("excel.exportLedger"));
        led.setId("exportLedgerItem");
        led.setOnAction(e -> exportLedger(menu.getScene().getWindow()));
        MenuItem ret = new MenuItem(Messages.tr("excel.exportReturns"));
        ret.setId("exportReturnsItem");
        ret.setOnAction(e -> exportReturns(menu.getScene().getWindow()));
        menu.getItems().setAll(imp, led, ret);
        return menu;
    }

    /** The wizard's view model, preselecting the shown meeting (also used by tests). */
    public void wizardModel(java.util.function.Consumer<ImportWizardViewModel> then) {
        runner.run(meetings::all, list -> {
            ImportWizardViewModel vm = new ImportWizardViewModel(importer, runner, dialogs, list, shown.get());
            vm.setOnImported(afterImport);
            then.accept(vm);
        }, this::failed);
    }

    public void openWizard(Window owner) {
        wizardModel(vm -> new ImportWizard(vm).open(owner));
    }

    /** The meeting shown, or null after telling the user there is none. */
    private Meeting shownMeeting(String titleKey) {
        Meeting m = shown.get();
        if (m == null) {
            dialogs.showInfo(Messages.tr(titleKey), Messages.tr("excel.noMeeting"));
        }
        return m;
    }

    private void exportLedger(Window owner) {
        Meeting m = shownMeeting("excel.exportLedger");
        if (m == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.tr("excel.exportLedger"));
        chooser.setInitialFileName(Messages.tr("excel.ledgerFileName", m.title()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"));
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        Path out = f.toPath();
        runner.run(() -> ledger.export(m, out), n -> dialogs.showInfo(Messages.tr("excel.exportLedger"),
                Messages.tr("excel.ledgerDone", n, out)), this::failed);
    }

    private void exportReturns(Window owner) {
        Meeting m = shownMeeting("excel.exportReturns");
        if (m == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.tr("excel.exportReturns"));
        File d = chooser.showDialog(owner);
        if (d == null) {
            return;
        }
        Path dir = d.toPath();
        runner.run(() -> returns.writeAll(m, dir).size(), n -> dialogs.showInfo(Messages.tr("excel.exportReturns"),
                Messages.tr("excel.returnsDone", n, dir)), this::failed);
    }

    private void failed(Throwable e) {
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }
}
