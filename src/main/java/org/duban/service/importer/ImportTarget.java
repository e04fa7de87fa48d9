package org.duban.service.importer;

import java.time.LocalDate;

/**
 * Which meeting an import goes into: an existing one (re-importing updates its tasks by 序号), or a new
 * assignment meeting created in the same transaction as the tasks.
 */
public sealed interface ImportTarget {

    record Existing(long meetingId) implements ImportTarget {
    }

    /** A new 交办会; a blank title means the list's title (or the file's name). */
    record NewMeeting(String title, LocalDate heldOn) implements ImportTarget {
    }
}
