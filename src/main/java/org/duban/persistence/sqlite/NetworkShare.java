package org.duban.persistence.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a database file lies on a network share (SMB/CIFS, NFS, WebDAV ...). SQLite's locking is not
 * reliable over such file systems, so two computers can damage a ledger there; the program warns and advises
 * a local disk. Linux: the mount type from {@code /proc/self/mountinfo}; Windows: UNC paths
 * ({@code \\server\share}) and file stores that report a network type; macOS: the file store type.
 * A drive letter mapped to a share on Windows reports the server's file system ("NTFS") and is not detected.
 */
public final class NetworkShare {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkShare.class);
    private static final Set<String> NETWORK_TYPES = Set.of("cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4",
            "afs", "ncpfs", "afpfs", "webdav", "davfs", "fuse.davfs2", "fuse.sshfs", "sshfs", "glusterfs",
            "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "ocfs2", "gfs2");

    private NetworkShare() {
    }

    /** The network file system type under {@code file} (e.g. {@code cifs}, {@code UNC}), if it is on one. */
    public static Optional<String> of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (abs.toString().startsWith("\\\\")) {
            return Optional.of("UNC");
        }
        Path existing = existingAncestor(abs);
        if (existing == null) {
            return Optional.empty();
        }
        try {
            Path real = existing.toRealPath();
            if (os.startsWith("linux")) {
                Path mountinfo = Path.of("/proc/self/mountinfo");
                if (Files.isReadable(mountinfo)) {
                    return fromMountInfo(real, Files.readAllLines(mountinfo));
                }
            }
            String type = Files.getFileStore(real).type();
            return isNetworkType(type) ? Optional.of(type) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not tell the file system of {}", abs, e);
            return Optional.empty();
        }
    }

    /** The file system type of the mount that holds {@code realPath}, when it is a network one. */
    static Optional<String> fromMountInfo(Path realPath, List<String> lines) {
        String path = realPath.toString();
        String bestMount = null;
        String bestType = null;
        for (String line : lines) {
            // id parent major:minor root mount-point options [optional fields] - type source super-options
            String[] fields = line.split(" ");
            int dash = List.of(fields).indexOf("-");
            if (fields.length < 5 || dash < 0 || dash + 1 >= fields.length) {
                continue;
            }
            String mount = unescape(fields[4]);
            boolean covers = path.equals(mount) || mount.equals("/")
                    || path.startsWith(mount.endsWith("/") ? mount : mount + "/");
            if (covers && (bestMount == null || mount.length() >= bestMount.length())) {
                bestMount = mount;
                bestType = fields[dash + 1];
            }
        }
        return bestType != null && isNetworkType(bestType) ? Optional.of(bestType) : Optional.empty();
    }

    static boolean isNetworkType(String type) {
        return type != null && NETWORK_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    private static Path existingAncestor(Path p) {
        Path cur = p;
        while (cur != null && !Files.exists(cur)) {
            cur = cur.getParent();
        }
        return cur;
    }
}
