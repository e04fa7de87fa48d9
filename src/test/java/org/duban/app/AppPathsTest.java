package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {
    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:\\Users\\li\\AppData\\Roaming", "Duban"),
                AppPaths.dataDir(Map.of("APPDATA", "C:\\Users\\li\\AppData\\Roaming"), "Windows 11", "C:\\Users\\li", null));
    }

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertEquals(Path.of("/data/x", "duban"), AppPaths.dataDir(Map.of("XDG_DATA_HOME", "/data/x"), "Linux", "/home/li", null));
        assertEquals(Path.of("/home/li/.local/share/duban"), AppPaths.dataDir(Map.of(), "Linux", "/home/li", null));
        assertEquals(Path.of("/home/li/.local/share/duban"),
                AppPaths.dataDir(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/li", null), "XDG paths must be absolute");
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(Path.of("/Users/li/Library/Application Support/Duban"), AppPaths.dataDir(Map.of(), "Mac OS X", "/Users/li", null));
    }

    @Test
    void overrideWins() {
        assertEquals(Path.of("/tmp/p"), AppPaths.dataDir(Map.of("DUBAN_DATA_DIR", "/tmp/q"), "Linux", "/home/li", "/tmp/p"));
        assertEquals(Path.of("/tmp/q"), AppPaths.dataDir(Map.of("DUBAN_DATA_DIR", "/tmp/q"), "Linux", "/home/li", null));
    }
}
