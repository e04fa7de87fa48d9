package org.duban.service.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the machine's font files by file name (case-insensitive), in the usual font folders: Windows
 * {@code %WINDIR%\Fonts} and the per-user {@code %LOCALAPPDATA%\Microsoft\Windows\Fonts} (where 方正 fonts are
 * often installed), macOS {@code /Library/Fonts} and {@code ~/Library/Fonts}, Linux {@code /usr/share/fonts},
 * {@code ~/.local/share/fonts} and {@code ~/.fonts}. File names are what identifies office fonts reliably
 * (simfang.ttf, FZXBSJW.TTF …) without opening every font of the machine.
 */
public final class FontLocator {
    private final Map<String, Path> byName = new HashMap<>();

    public FontLocator(List<Path> folders) {
        for (Path dir : folders) {
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir, 4)) {
                files.filter(Files::isRegularFile).forEach(
                        p -> byName.putIfAbsent(p.getFileName().toString().toLowerCase(Locale.ROOT), p));
            } catch (IOException | RuntimeException e) {
                // an unreadable folder holds no fonts we can use
            }
        }
    }

    /** The font folders of this machine. */
    public static List<Path> machineFolders() {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("user.home", ".");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String windir = System.getenv().getOrDefault("WINDIR", "C:\\Windows");
            dirs.add(Path.of(windir, "Fonts"));
            String local = System.getenv("LOCALAPPDATA");
            if (local != null) {
                dirs.add(Path.of(local, "Microsoft", "Windows", "Fonts"));
            }
        } else if (os.startsWith("mac")) {
            dirs.add(Path.of("/Library/Fonts"));
            dirs.add(Path.of(home, "Library", "Fonts"));
            dirs.add(Path.of("/System/Library/Fonts/Supplemental"));
        } else {
            dirs.add(Path.of(home, ".local", "share", "fonts"));
            dirs.add(Path.of(home, ".fonts"));
            dirs.add(Path.of("/usr/local/share/fonts"));
            dirs.add(Path.of("/usr/share/fonts"));
        }
        return dirs;
    }

    /** The first file found among these names. */
    public Optional<Path> find(List<String> fileNames) {
        for (String n : fileNames) {
            Path p = byName.get(n.toLowerCase(Locale.ROOT));
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
