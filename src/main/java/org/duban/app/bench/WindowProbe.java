package org.duban.app.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.duban.app.Launcher;

/**
 * The child process of the start-up measures. {@code empty}: an empty JavaFX window of the main window's size (the
 * floor). {@code app FILE}: the program's own window on a ledger, started by {@code Launcher} as
 * {@code java -jar duban-desk.jar --db FILE} starts it.
 *
 * <p>"First frame" is the first pulse in which a window is showing: JavaFX lays the scene out, and that pulse
 * draws it. The probe prints {@code duban-probe frame} then (a post-layout pulse listener, so it runs before the
 * pulse renders), and for the program {@code duban-probe rows N} at the first pulse in which the opening screen's
 * table (the desk's, else the checklist's) holds its rows. Then it prints the process's peak resident memory so far
 * ({@link PeakRss}, where the OS tells) and the heap in use after a full GC, and exits.
 */
public final class WindowProbe {
    private static boolean framed;
    private static boolean rowsSeen;

    private WindowProbe() {
    }

    public static void main(String[] args) {
        boolean app = args.length > 1 && args[0].equals("app");
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    print("shown", "");
                    watch(w, app);
                }
            }
        });
        if (app) {
            Launcher.main(new String[] {"--db", args[1]}); // the program's own start, command line and all; exits
        } else {
            Application.launch(Empty.class);
            System.exit(0);
        }
    }

    private static void watch(Window w, boolean app) {
        Scene scene = w.getScene();
        if (scene == null) {
            return;
        }
        scene.addPostLayoutPulseListener(() -> {
            if (!w.isShowing()) {
                return;
            }
            if (!framed) {
                framed = true;
                print("frame", "");
                if (!app) {
                    finish();
                    return;
                }
            }
            // the opening screen's table: the desk's lines (issue 22), or the checklist's rows in a window without a desk
            Node table = w.getScene().lookup("#deskTable");
            if (table == null) {
                table = w.getScene().lookup("#taskTable");
            }
            if (!rowsSeen && table instanceof TableView<?> tv && !tv.getItems().isEmpty()) {
                rowsSeen = true;
                print("rows", String.valueOf(tv.getItems().size()));
                finish();
            }
        });
    }

    private static void finish() {
        Platform.runLater(() -> {
            // the whole process's peak resident memory up to the usable window (Linux; see PeakRss)
            PeakRss.bytes().ifPresent(b -> print("rss", String.valueOf(b)));
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.gc();
            print("heap", String.valueOf(rt.totalMemory() - rt.freeMemory()));
            Platform.exit();
        });
    }

    private static void print(String what, String value) {
        System.out.println(ChildJvm.PROBE + what + " " + value);
        System.out.flush();
    }

    /** The floor: nothing but a window of the main window's size. */
    public static final class Empty extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(), 1280, 800));
            stage.setTitle("empty");
            stage.show();
        }
    }
}
