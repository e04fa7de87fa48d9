package org.duban.service.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.duban.io.Leftovers;

/**
 * Writes a file so that a failure never leaves a half-written one: the bytes go to a temporary file beside the
 * target, which is then moved into place (atomically where the file system can). The temporary file's name says
 * whose it is ({@link Leftovers}): one left by a run that was killed is removed when work next starts in its folder.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} (creating its folder); on failure the target is untouched and no temporary file stays. */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Leftovers.removeOrphans(dir, ".duban-*.part"); // what a killed run left here
        Path tmp = Files.createTempFile(dir, ".duban-" + Leftovers.ownerTag(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp); // gone after the move; left over after a failure
        }
    }
}
