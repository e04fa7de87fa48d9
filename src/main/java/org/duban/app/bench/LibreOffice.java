package org.duban.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice as a floor of the handouts (issue 24: all handouts of 2,000 tasks in at most half the time LibreOffice
 * takes to turn the same ledger's .xlsx into a PDF): {@code soffice --headless --convert-to pdf}, timed from the
 * process's start to its exit, with a profile of its own in the bench's folder (the first, untimed run makes it).
 * Where {@code soffice} is not installed the bench says so in its table and its JSON, and measures nothing.
 */
final class LibreOffice {
    private final Path executable;

    private LibreOffice(Path executable) {
        this.executable = executable;
    }

    /** {@code soffice} (or {@code libreoffice}) on the PATH, if there is one. */
    static Optional<LibreOffice> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of("soffice", "soffice.exe", "libreoffice")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(new LibreOffice(p));
                }
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    /** Converts {@code xlsx} to a PDF in {@code outDir}; the milliseconds from start to exit. */
    double convert(Path xlsx, Path outDir, Path profile) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("soffice did not finish converting " + xlsx);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        String pdf = xlsx.getFileName().toString().replaceFirst("\\.xlsx$", ".pdf");
        if (p.exitValue() != 0 || !Files.isRegularFile(outDir.resolve(pdf))) {
            throw new IOException("soffice exited with " + p.exitValue() + " and wrote no " + pdf);
        }
        return ms;
    }

    /**
     * Opens {@code xlsx} in Calc on the display of this process ({@code DISPLAY}), as a user double-clicks it, and
     * returns the milliseconds from starting {@code soffice} until its document window exists: the top-level window
     * whose title begins with the file's name ("main.xlsx - LibreOffice Calc"), which Calc gives the window once the
     * file is loaded, found by {@code xdotool search --sync} (xdotool polls the window tree every 0.5 s, so the figure
     * may be up to 0.5 s late: in LibreOffice's favour). Then Calc is ended (its processes, by id) and the lock file it
     * leaves beside the document removed, so the next opening is like this one. Own profile {@code profile}: the
     * first, untimed opening makes it.
     */
    double openToWindow(Path xlsx, Path profile, Path xdotool) throws IOException, InterruptedException {
        String name = xlsx.getFileName().toString();
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--norestore", "--nologo", xlsx.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        ProcessBuilder probe = new ProcessBuilder(xdotool.toString(), "search", "--sync", "--limit", "1", "--name",
                "^" + name.replace(".", "\\.") + " ")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process office = pb.start();
        Process found = probe.start();
        try {
            // the window, or LibreOffice ending without one (a build without its window toolkit, such as Debian's
            // libreoffice-calc-nogui, ends at once: the probe would wait its ten minutes for nothing)
            try {
                java.util.concurrent.CompletableFuture.anyOf(found.onExit(), office.onExit()).get(10, TimeUnit.MINUTES);
                if (!office.isAlive() && found.isAlive()) { // a launcher that handed over and left: a little longer
                    found.onExit().get(30, TimeUnit.SECONDS);
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("LibreOffice showed no window for " + name);
            }
            if (found.isAlive() || found.exitValue() != 0) {
                throw new IOException(office.isAlive() ? "LibreOffice showed no window for " + name
                        : "LibreOffice ended (exit " + office.exitValue() + ") without showing a window for " + name);
            }
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            found.destroyForcibly();
            end(office);
            Files.deleteIfExists(xlsx.resolveSibling(".~lock." + name + "#"));
        }
    }

    /** Ends {@code soffice} (a launcher and {@code soffice.bin}): its own processes, by their ids. */
    private static void end(Process office) throws InterruptedException {
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(office.descendants().toList());
        all.add(office.toHandle());
        for (ProcessHandle h : all) {
            h.destroy();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
        }
    }

    /** {@code xdotool} on the PATH, if there is one: the probe of {@link #openToWindow}. */
    static Optional<Path> xdotool() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "xdotool");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * What the run found about LibreOffice.
     *
     * @param soffice   the tool's path, or null when not installed
     * @param xlsxToPdf the conversion's timed runs, or null when not measured
     * @param handouts  the handouts' timed runs of the same run (their median over the floor's is the ratio)
     * @param note      why it was not measured, or what was converted
     */
    record Floor(String soffice, Figure xlsxToPdf, Figure handouts, String note) {
        static final double TARGET = 0.5;

        Double ratio() {
            return xlsxToPdf == null || handouts == null || xlsxToPdf.median() <= 0 ? null
                    : handouts.median() / xlsxToPdf.median();
        }

        Boolean met() {
            return ratio() == null ? null : ratio() <= TARGET;
        }
    }
}
