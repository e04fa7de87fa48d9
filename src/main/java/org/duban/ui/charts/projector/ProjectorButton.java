package org.duban.ui.charts.projector;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "投屏": reads the slides' figures in the background and opens them full screen. Its menu chooses the display
 * (the second one by default) and auto-advance.
 */
public final class ProjectorButton {
    private final SplitMenuButton button = new SplitMenuButton();
    private final BooleanProperty autoAdvance = new SimpleBooleanProperty(false);
    private final ToggleGroup screens = new ToggleGroup();
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Supplier<Callable<ProjectorData>> data;
    private Consumer<Stage> opened = s -> { };

    /** {@code data} gives the work that reads the slides' figures, or null when there is nothing to show. */
    public ProjectorButton(TaskRunner runner, DialogService dialogs, Supplier<Callable<ProjectorData>> data) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.data = data;
        button.setText(Messages.tr("projector.button"));
        button.setGraphic(new FontIcon("mdi2p-projector-screen"));
        button.setId("projectorButton");
        button.setAccessibleText(Messages.tr("projector.button"));
        button.setOnAction(e -> open());
        button.setOnShowing(e -> fillMenu());
        fillMenu();
    }

    public Node node() {
        return button;
    }

    /** Called with each projector window opened (tests keep hold of it). */
    public void onOpened(Consumer<Stage> listener) {
        this.opened = listener;
    }

    public BooleanProperty autoAdvanceProperty() {
        return autoAdvance;
    }

    private void fillMenu() {
        Screen chosen = chosenScreen();
        button.getItems().clear();
        int n = 1;
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getBounds();
            RadioMenuItem item = new RadioMenuItem(Messages.tr(s.equals(Screen.getPrimary())
                    ? "projector.screen.primary" : "projector.screen.other", n++, (int) b.getWidth(), (int) b.getHeight()));
            item.setUserData(s);
            item.setToggleGroup(screens);
            item.setSelected(s.equals(chosen));
            button.getItems().add(item);
        }
        CheckMenuItem auto = new CheckMenuItem(Messages.tr("projector.autoAdvance"));
        auto.setId("projectorAutoAdvance");
        auto.selectedProperty().bindBidirectional(autoAdvance);
        MenuItem help = new MenuItem(Messages.tr("projector.keysHelp"));
        help.setDisable(true);
        button.getItems().addAll(new SeparatorMenuItem(), auto, help);
    }

    private Screen chosenScreen() {
        if (screens.getSelectedToggle() != null && Screen.getScreens().contains(screens.getSelectedToggle().getUserData())) {
            return (Screen) screens.getSelectedToggle().getUserData();
        }
        return ProjectorStage.defaultScreen();
    }

    /** Reads the figures, then opens the slides on the chosen display. */
    public void open() {
        Callable<ProjectorData> work = data.get();
        if (work == null) {
            return;
        }
        Screen screen = chosenScreen();
        runner.run(work, d -> {
            ProjectorViewModel vm = new ProjectorViewModel(d);
            vm.autoAdvanceProperty().set(autoAdvance.get());
            opened.accept(ProjectorStage.open(vm, screen));
        }, e -> dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e));
    }
}
