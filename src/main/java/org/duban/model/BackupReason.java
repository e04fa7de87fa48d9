package org.duban.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why a backup copy of the ledger was taken. The tag is part of the file name
 * ({@code duban-20260319-083000-123-daily.db}), so a folder listing tells the story without opening anything.
 */
public enum BackupReason {
    /** The first start of a day. */
    DAILY("daily"),
    /** The user asked for it (settings screen). */
    MANUAL("manual"),
    /** Before the schema of an existing file is upgraded. */
    MIGRATION("migration"),
    /** Before a restore replaces the ledger: the replaced data. */
    RESTORE("restore"),
    /** Before an import adds many rows. */
    IMPORT("import"),
    /** A tag this version does not know (written by a newer version). */
    OTHER("other");

    private final String tag;

    BackupReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The reason for a tag read from a file name; unknown tags are {@link #OTHER}. */
    public static BackupReason ofTag(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.tag.equals(t)).findFirst().orElse(OTHER);
    }
}
