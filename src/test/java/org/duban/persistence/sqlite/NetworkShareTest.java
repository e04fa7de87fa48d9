package org.duban.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkShareTest {
    private static final List<String> MOUNTINFO = List.of(
            "27 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw",
            "40 27 0:45 / /home rw,relatime shared:20 - ext4 /dev/vda2 rw",
            "41 40 0:46 / /home/office/共享台账 rw,relatime shared:21 - cifs //server/ledger rw,vers=3.0",
            "42 27 0:47 / /mnt/nas\\040box rw,relatime - nfs4 nas:/export rw",
            "43 41 0:48 / /home/office/共享台账/local rw,relatime - ext4 /dev/vdb1 rw");

    @Test
    void aFileOnASambaShareIsRecognised() {
        assertEquals(Optional.of("cifs"),
                NetworkShare.fromMountInfo(Path.of("/home/office/共享台账/duban.db"), MOUNTINFO));
    }

    @Test
    void escapedMountPointsAndNfsAreRecognised() {
        assertEquals(Optional.of("nfs4"), NetworkShare.fromMountInfo(Path.of("/mnt/nas box/d.db"), MOUNTINFO));
    }

    @Test
    void theDeepestMountDecides() {
        assertEquals(Optional.empty(),
                NetworkShare.fromMountInfo(Path.of("/home/office/共享台账/local/duban.db"), MOUNTINFO));
        assertEquals(Optional.empty(), NetworkShare.fromMountInfo(Path.of("/home/office/duban.db"), MOUNTINFO));
        assertEquals(Optional.empty(),
                NetworkShare.fromMountInfo(Path.of("/home/office/共享台账2/duban.db"), MOUNTINFO), "prefix, not a folder");
    }

    @Test
    void theTestFolderIsLocal(@TempDir Path dir) {
        assertTrue(NetworkShare.of(dir.resolve("d.db")).isEmpty());
    }
}
