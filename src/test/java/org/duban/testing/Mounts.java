package org.duban.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real small file systems for the "full disk" and "read-only folder" cases: a tmpfs of a given size, which can
 * be remounted read-only. Needs root and a usable {@code mount} (true on the project's machines and CI, where
 * tests run as root — and as root, permission bits stop no write, so a read-only mount is the honest test).
 * Where mounting is not possible the test is skipped with the reason.
 */
public final class Mounts implements AutoCloseable {
    private final Path point;

    private Mounts(Path point) {
        this.point = point;
    }

    /** Mounts a tmpfs of {@code kib} KiB at {@code point} (created), or skips the test. */
    public static Mounts tmpfs(Path point, int kib) throws IOException, InterruptedException {
        Files.createDirectories(point);
        int rc = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0777", "tmpfs", point.toString());
        Assumptions.assumeTrue(rc == 0, "cannot mount a tmpfs here (needs root and mount)");
        return new Mounts(point);
    }

    public Path path() {
        return point;
    }

    /** Makes the whole file system read-only: no write gets through, whoever the user. */
    public void remountReadOnly() throws IOException, InterruptedException {
        if (run("mount", "-o", "remount,ro", point.toString()) != 0) {
            throw new IllegalStateException("remount read-only failed for " + point);
        }
    }

    /** True when the test runs as root (permission bits do not stop its writes). */
    public static boolean runningAsRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1; // no mount command
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", point.toString()) != 0) {
            run("umount", "-l", point.toString());
        }
    }
}
