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
