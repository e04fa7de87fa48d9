package org.duban.service.excel;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * Limits on what POI will unpack, set once for the process. A task list unzips to a few megabytes; a file
 * that claims much more, or compresses a hundredfold, is damaged or built to exhaust memory.
 */
final class ExcelLimits {
    private static boolean installed;

    private ExcelLimits() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        ZipSecureFile.setMinInflateRatio(0.01);
        // The ratio is judged only past 16 MB of a part: one long cell of repeated text ("无" 100,000 times)
        // compresses a thousandfold and is no bomb; a part that keeps inflating like that is.
        ZipSecureFile.setGraceEntrySize(16L * 1024 * 1024);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(50L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(2000);
        IOUtils.setByteArrayMaxOverride(250 * 1024 * 1024);
        installed = true;
    }
}
