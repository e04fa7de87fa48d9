package org.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/** A meeting of the chain: the assignment meeting that issues the task lists, or a follow-up. */
public record Meeting(long id, MeetingKind kind, LocalDate heldOn, String title, String notes) {
    public Meeting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(title, "title");
        notes = notes == null ? "" : notes;
    }

    public Meeting withId(long newId) {
        return new Meeting(newId, kind, heldOn, title, notes);
    }
}
