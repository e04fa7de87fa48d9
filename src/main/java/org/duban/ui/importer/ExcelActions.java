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
import org.duban.service.importer.ImportUndo;
import org.duban.service.importer.TaskImporter;
import org.duban.service.ledger.LedgerExporter;
import org.duban.service.meetings.MeetingService;
import org.duban.service.returns.ProgressSink;
import org.duban.service.returns.ReturnFormWriter;
import org.duban.service.returns.ReturnsImporter;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Excel menu of the checklist toolbar: import a task list (the wizard), export the ledger, export the
 * per-unit return forms, import filled return forms. Files are read and written in the background.
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
    private ImportUndo undo;
    private Runnable afterUndo = () -> { };
    private ReturnsImporter returnsImporter;
    private ProgressSink progressSink;
    private Supplier<java.time.LocalDate> today = java.time.LocalDate::now;

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

    /**
     * The finish page's 撤销本次导入, and what happens after an undo (the ledger was restored: every screen reloads).
     */
    public ExcelActions withUndo(ImportUndo importUndo, Runnable afterUndone) {
        this.undo = importUndo;
        this.afterUndo = afterUndone;
        return this;
    }

    /** Excel → 导入进展报送表…: where checked rows become progress reports. */
    public ExcelActions withReturns(ReturnsImporter importer, ProgressSink sink, Supplier<java.time.LocalDate> day) {
        this.returnsImporter = importer;
        this.progressSink = sink;
        this.today = day;
        return this;
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
        MenuItem back = new MenuItem(Messages.tr("excel.importReturns"));
        back.setId("importReturnsItem");
        back.setOnAction(e -> openReturns(menu.getScene().getWindow()));
        access.writes(back);
        back.setVisible(returnsImporter != null);
        menu.getItems().setAll(imp, led, ret, back);
        return menu;
    }

    /** The wizard's view model, preselecting the shown meeting (also used by tests). */
    public void wizardModel(java.util.function.Consumer<ImportWizardViewModel> then) {
        runner.run(meetings::all, list -> {
            ImportWizardViewModel vm = new ImportWizardViewModel(importer, undo, runner, dialogs, list, shown.get());
            vm.setOnImported(afterImport);
            vm.setOnUndone(afterUndo);
            then.accept(vm);
        }, this::failed);
    }

    public void openWizard(Window owner) {
        wizardModel(vm -> new ImportWizard(vm).open(owner));
    }

    /** The window of 导入进展报送表… (also used by tests). */
    public ReturnsImportViewModel returnsModel() {
        ReturnsImportViewModel vm = new ReturnsImportViewModel(returnsImporter, progressSink, runner, dialogs, today);
        vm.setOnImported(() -> {
            Meeting m = shown.get();
            if (m != null) {
                afterImport.accept(m);
            }
        });
        return vm;
    }

    private void openReturns(Window owner) {
        new ReturnsImportView(returnsModel()).open(owner);
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
