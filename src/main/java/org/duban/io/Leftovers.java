package org.duban.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files that say whose they are, so that the ones a killed program left behind can be told from the ones
 * another program is writing right now, and removed.
 *
 * <p>Every temporary file the program writes before moving it into place (a handout's {@code .duban-….part}, a
 * backup's {@code .….tmp}) carries an owner tag, {@code ~<computer>@<process id>@}. When work starts in a folder
 * (the first write there in this run), {@link #removeOrphans} deletes the temporary files of that kind whose owner is
 * this computer and a process that no longer runs. Files of another computer (a shared folder) are left to it;
 * files without a tag (from a version before tags) are removed once they are a day old.
 */
public final class Leftovers {
    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
    private static final Pattern TAG = Pattern.compile("~([a-z0-9.-]+)@(\\d+)@");
    private static final Duration UNTAGGED_AGE = Duration.ofDays(1);
    private static final String HOST = host();
    private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

    private Leftovers() {
    }

    /** {@code ~<computer>@<process id>@}: put it in a temporary file's name. */
    public static String ownerTag() {
        return "~" + HOST + "@" + ProcessHandle.current().pid() + "@";
    }

    /**
     * Deletes, once per run and folder and {@code glob}, the files matching {@code glob} that a process of this
     * computer left behind when it was killed. Never throws: a leftover that stays is no reason to fail the work.
     *
     * @return how many were deleted (0 when the folder was cleaned before in this run)
     */
    public static int removeOrphans(Path folder, String glob) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir) || !CLEANED.add(dir + "\u0000" + glob)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                if (orphan(f)) {
                    Files.deleteIfExists(f);
                    removed++;
                    LOG.info("Removed {}, left by a program that was stopped while writing it", f);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clear temporary files in {}", dir, e);
        }
        return removed;
    }

    /** Whether the file's owner is a process of this computer that has ended (or, untagged, whether it is old). */
    static boolean orphan(Path file) throws IOException {
        Matcher m = TAG.matcher(file.getFileName().toString());
        if (!m.find()) {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toInstant().isBefore(Instant.now().minus(UNTAGGED_AGE));
        }
        if (!m.group(1).equalsIgnoreCase(HOST)) {
            return false;
        }
        long pid = Long.parseLong(m.group(2));
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** The computer's name as a file name allows it (letters, digits, dots and hyphens), without asking DNS. */
    private static String host() {
        String name = null;
        for (String var : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                name = v;
                break;
            }
        }
        if (name == null) {
            try {
                name = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                name = "here";
            }
        }
        String clean = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return clean.isEmpty() ? "here" : clean;
    }
}
