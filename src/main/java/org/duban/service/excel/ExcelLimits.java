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
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(50L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(2000);
        IOUtils.setByteArrayMaxOverride(250 * 1024 * 1024);
        installed = true;
    }
}
