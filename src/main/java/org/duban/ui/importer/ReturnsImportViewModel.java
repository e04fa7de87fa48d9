package org.duban.ui.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.service.returns.ProgressSink;
import org.duban.service.returns.ReturnEntry;
import org.duban.service.returns.ReturnProblem;
import org.duban.service.returns.ReturnsCheck;
import org.duban.service.returns.ReturnsImporter;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * 导入进展报送表: a filled form or a folder of them is checked first (the same check and figures as
 * {@code import-returns --dry-run}: rows to record, rows imported before, every problem with file, row, column and
 * reason), then recorded, all or nothing.
 */
public final class ReturnsImportViewModel {
    private final ReturnsImporter importer;
    private final ProgressSink sink;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Supplier<LocalDate> today;
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<ReturnsCheck> check = new SimpleObjectProperty<>();
    private final ObservableList<ReturnProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<ReturnEntry> entries = FXCollections.observableArrayList();
    private Runnable onImported = () -> { };

    public ReturnsImportViewModel(ReturnsImporter importer, ProgressSink sink, TaskRunner runner, DialogService dialogs,
                                  Supplier<LocalDate> today) {
        this.importer = importer;
        this.sink = sink;
        this.runner = runner;
        this.dialogs = dialogs;
        this.today = today;
        path.addListener((o, a, b) -> {
            check.set(null);
            problems.clear();
            entries.clear();
            summary.set("");
        });
    }

    /** After reports were recorded (the checklist reloads). */
    public void setOnImported(Runnable r) {
        this.onImported = r;
    }

    /** Reads and checks the forms in the background; writes nothing. */
    public void check() {
        String text = path.get() == null ? "" : path.get().strip();
        if (text.isEmpty() || !Files.exists(Path.of(text))) {
            message.set(Messages.tr("returns.window.missing"));
            return;
        }
        message.set("");
        busy.set(true);
        Path p = Path.of(text);
        runner.run(() -> importer.check(p, today.get()), c -> {
            busy.set(false);
            check.set(c);
            problems.setAll(c.problems());
            entries.setAll(c.entries());
            summary.set(summaryOf(c));
        }, e -> {
            busy.set(false);
            message.set(DialogService.messageOf(e));
        });
    }

    /** 已读取 N 个报送表…; 已导入过 K 行; errors and warnings. */
    static String summaryOf(ReturnsCheck c) {
        StringBuilder sb = new StringBuilder(Messages.tr("cli.returns.totals", c.files().size(), c.entries().size()));
        if (!c.already().isEmpty()) {
            sb.append('\n').append(Messages.tr("returns.already", c.already().size()));
        }
        sb.append('\n').append(Messages.tr("returns.window.problems", c.errors().size(), c.warnings().size()));
        if (c.hasErrors()) {
            sb.append(Messages.tr("returns.window.blocked"));
        }
        return sb.toString();
    }

    /** Records the checked rows as progress reports, all or none. */
    public void importChecked() {
        ReturnsCheck c = check.get();
        if (c == null || c.hasErrors() || busy.get()) {
            return;
        }
        busy.set(true);
        runner.run(() -> importer.apply(c, sink), n -> {
            busy.set(false);
            message.set(Messages.tr("cli.returns.done", n) + (c.already().isEmpty() ? ""
                    : " " + Messages.tr("returns.already", c.already().size())));
            check.set(null);
            entries.clear();
            onImported.run();
        }, e -> {
            busy.set(false);
            dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
        });
    }

    public BooleanBinding canImport() {
        return Bindings.createBooleanBinding(() -> check.get() != null && !check.get().hasErrors()
                && !check.get().entries().isEmpty() && !busy.get(), check, busy);
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<ReturnsCheck> checkProperty() {
        return check;
    }

    public ObservableList<ReturnProblem> problems() {
        return problems;
    }

    public ObservableList<ReturnEntry> entries() {
        return entries;
    }
}
