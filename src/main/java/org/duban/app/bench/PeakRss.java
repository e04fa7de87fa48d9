package org.duban.app.bench;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Peak resident memory of a child process, read by the process itself: on Linux the kernel's high-water mark of the
 * whole process ({@code VmHWM} in {@code /proc/self/status}: heap, metaspace, code cache, thread stacks, native
 * libraries, SQLite's and the fonts' memory alike), what GNU {@code time -f %M} reports. The bench does not need
 * GNU {@code time} (absent on Windows): a child started through {@link #main} prints {@code duban-probe rss BYTES}
 * from a shutdown hook, which runs on {@code System.exit} after the command's work. Where {@code /proc} is absent
 * (Windows, macOS) no line is printed and the bench says that peak memory was not measured.
 *
 * <p>{@code PeakRss MAIN-CLASS ARGS…} runs that class's {@code main}; {@code PeakRss} alone is the bare JVM (the
 * memory floor: a JVM that starts and exits).
 */
public final class PeakRss {
    private PeakRss() {
    }

    public static void main(String[] args) throws Throwable {
        Runtime.getRuntime().addShutdownHook(new Thread(PeakRss::print, "duban-probe-rss"));
        if (args.length == 0) {
            return;
        }
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** This process's peak resident set in bytes, where the OS tells (Linux). */
    public static OptionalLong bytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Prints the probe line on the process's own standard error (the command's streams may be closed by now). */
    static void print() {
        OptionalLong b = bytes();
        if (b.isPresent()) {
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            err.print("\n" + ChildJvm.PROBE + "rss " + b.getAsLong() + "\n");
            err.flush();
        }
    }
}
