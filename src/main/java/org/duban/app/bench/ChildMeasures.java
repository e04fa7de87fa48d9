package org.duban.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.duban.app.Launcher;

/**
 * The measures that start a process, as a user does: the window up to its first frame and up to the checklist's
 * rows (floor: an empty JavaFX window), and all handouts of a meeting with {@code handouts} (floor: PDFBox writing
 * the same text). Program and floor runs alternate, so a burst of load from elsewhere hits both alike.
 */
final class ChildMeasures {
    /** The heap every window start gets: the limit, so a start that needs more fails. */
    static final String HEAP = "-Xmx512m";
    /**
     * The JVM options of every command run here and of its floor: the installers' ({@link Growth#LAUNCHER_OPTIONS}),
     * so that a peak memory figure is what a user's process takes (issue 24's 256 MiB); the JVM's defaults (another
     * collector, a heap of a quarter of the machine's memory) let the handouts grow to 707 MB.
     */
    static final List<String> COMMAND_OPTIONS = Growth.LAUNCHER_OPTIONS;
    /** The window's and its floor's: the installers' options and {@link #HEAP}. */
    static final List<String> WINDOW_OPTIONS = withHeap(Growth.LAUNCHER_OPTIONS);
    private final BenchConfig config;
    private final BenchData data;
    private final ChildJvm jvm;
    private LibreOffice.Floor office;

    ChildMeasures(BenchConfig config, BenchData data) {
        this.config = config;
        this.data = data;
        this.jvm = new ChildJvm(config.dir(), config.headless());
    }

    /** First frame, rows shown and heap; each against the empty window. */
    List<Measure> startup() throws Exception {
        List<ChildJvm.Run> empty = new ArrayList<>();
        List<ChildJvm.Run> app = new ArrayList<>();
        List<Double> officeOpen = new ArrayList<>();
        // the second floor (issue 24): LibreOffice opening the same ledger's .xlsx to its window, where it can
        java.util.Optional<LibreOffice> soffice = LibreOffice.find();
        java.util.Optional<Path> xdotool = LibreOffice.xdotool();
        String officeNote = soffice.isEmpty() ? "not measured: soffice is not installed"
                : config.headless() || System.getenv("DISPLAY") == null
                ? "not measured: no X display (LibreOffice's window needs DISPLAY; the bench ran headless)"
                : xdotool.isEmpty() ? "not measured: xdotool is not installed (the probe of LibreOffice's window)"
                : "";
        Path profile = config.dir().resolve("soffice-open-profile");
        if (officeNote.isEmpty()) {
            try {
                soffice.get().openToWindow(data.xlsx(), profile, xdotool.get()); // untimed: makes its profile
            } catch (IOException e) {
                officeNote = "not measured: " + e.getMessage();
            }
        }
        for (int i = 0; i < config.childWarmup() + config.childRuns(); i++) {
            ChildJvm.Run e = jvm.run(WindowProbe.class.getName(), WINDOW_OPTIONS, List.of("empty"), 120);
            ChildJvm.Run a = jvm.run(WindowProbe.class.getName(), WINDOW_OPTIONS,
                    List.of("app", data.main().toString()), 300);
            Double o = officeNote.isEmpty() ? soffice.get().openToWindow(data.xlsx(), profile, xdotool.get()) : null;
            if (i >= config.childWarmup()) {
                empty.add(e);
                app.add(a);
                if (o != null) {
                    officeOpen.add(o);
                }
            }
        }
        Figure emptyFrame = figure(empty, "frame");
        String mode = (config.headless() ? "Monocle headless" : "DISPLAY=" + System.getenv("DISPLAY"))
                + "; JVM: " + String.join(" ", WINDOW_OPTIONS);
        String rows = app.get(0).values().getOrDefault("rows", "?");
        return List.of(
                new Measure("startup.firstFrame", "ms", figure(app, "frame"), "emptyWindow", emptyFrame,
                        Measure.Target.ratio(1.2), mode),
                new Measure("startup.rowsShown", "ms", figure(app, "rows"), "emptyWindow", emptyFrame,
                        Measure.Target.ratio(2.0), rows + " rows; " + mode).withPeak(peak(app), peak(empty)),
                new Measure("startup.rowsShown.office", "ms", figure(app, "rows"), "libreOfficeOpen",
                        officeOpen.isEmpty() ? null : new Figure(officeOpen),
                        officeOpen.isEmpty() ? null : Measure.Target.ratio(1.0), // "below LibreOffice"
                        officeNote.isEmpty() ? "the same ledger's .xlsx (" + data.xlsx().getFileName()
                                + ") opened in Calc to its window (xdotool, 0.5 s steps); " + mode : officeNote),
                new Measure("heap.window", "MB", heap(app), "emptyWindowHeap", heap(empty),
                        Measure.Target.absolute(512), "used after full GC once the rows show; JVM: "
                        + String.join(" ", WINDOW_OPTIONS)));
    }

    /** Every unit's handout and the combined file, by a fresh {@code handouts} process; floor: {@link PdfFloor}. */
    Measure handouts() throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<ChildJvm.Run> ourRuns = new ArrayList<>();
        List<ChildJvm.Run> floorRuns = new ArrayList<>();
        Path out = config.dir().resolve("handouts-out");
        Path floorOut = config.dir().resolve("pdf-floor-out");
        java.util.Optional<LibreOffice> soffice = LibreOffice.find();
        List<Double> officeRuns = new ArrayList<>();
        Path officeOut = config.dir().resolve("soffice-out");
        Path profile = config.dir().resolve("soffice-profile");
        String officeNote = soffice.isEmpty() ? "soffice not installed: the LibreOffice floor was not measured" : "";
        if (soffice.isPresent()) {
            try {
                soffice.get().convert(data.handoutsXlsx(), officeOut, profile); // untimed: makes its profile
            } catch (IOException e) {
                officeNote = "soffice failed: " + e.getMessage();
                soffice = java.util.Optional.empty();
            }
        }
        for (int i = 0; i < config.childWarmup() + config.childRuns(); i++) {
            clear(out);
            clear(floorOut);
            ChildJvm.Run r = jvm.run(PeakRss.class.getName(), COMMAND_OPTIONS, List.of(Launcher.class.getName(),
                    "--db", data.handouts().toString(), "handouts", "--out", out.toString()), 600);
            ChildJvm.Run f = jvm.run(PeakRss.class.getName(), COMMAND_OPTIONS,
                    List.of(PdfFloor.class.getName(), data.handoutText().toString(), floorOut.toString()), 600);
            Double o = null;
            if (soffice.isPresent()) {
                clear(officeOut);
                o = soffice.get().convert(data.handoutsXlsx(), officeOut, profile);
            }
            if (i >= config.childWarmup()) {
                ours.add(r.exitMillis());
                floor.add(f.exitMillis());
                ourRuns.add(r);
                floorRuns.add(f);
                if (o != null) {
                    officeRuns.add(o);
                }
            }
        }
        long files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.count();
        }
        office = new LibreOffice.Floor(soffice.map(l -> l.executable().toString()).orElse(null),
                officeRuns.isEmpty() ? null : new Figure(officeRuns), new Figure(ours), officeNote.isEmpty()
                        ? "the " + config.handoutTasks() + "-task ledger's .xlsx to PDF, soffice --headless --convert-to pdf"
                        : officeNote);
        return new Measure("handouts", "ms", new Figure(ours), "pdfbox", new Figure(floor),
                Measure.Target.absolute(1500), config.handoutTasks() + " tasks, " + files + " PDF files, "
                        + "process start to exit; JVM (both): " + String.join(" ", COMMAND_OPTIONS))
                .withPeak(peak(ourRuns), peak(floorRuns));
    }

    private static List<String> withHeap(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.removeIf(o -> o.startsWith("-Xmx"));
        all.add(HEAP);
        return List.copyOf(all);
    }

    /** LibreOffice's floor of the handouts, once {@link #handouts} has run. */
    LibreOffice.Floor office() {
        return office;
    }

    /** The runs' peak resident memory, or null when a run could not tell (no /proc: not Linux). */
    static Figure peak(List<ChildJvm.Run> runs) {
        List<Double> v = new ArrayList<>();
        for (ChildJvm.Run r : runs) {
            if (r.peakMb() == null) {
                return null;
            }
            v.add(r.peakMb());
        }
        return v.isEmpty() ? null : new Figure(v);
    }

    private static Figure figure(List<ChildJvm.Run> runs, String probe) throws IOException {
        List<Double> v = new ArrayList<>();
        for (ChildJvm.Run r : runs) {
            Double ms = r.at().get(probe);
            if (ms == null) {
                throw new IOException("the window never printed " + probe);
            }
            v.add(ms);
        }
        return new Figure(v);
    }

    private static Figure heap(List<ChildJvm.Run> runs) {
        return new Figure(runs.stream().map(r -> Long.parseLong(r.values().get("heap")) / (1024.0 * 1024.0)).toList());
    }

    private static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
