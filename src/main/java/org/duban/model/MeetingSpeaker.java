package org.duban.model;

import java.util.Objects;

/**
 * A person on the platform of a meeting: 市委书记梁伟新 (post and name) and what they did there.
 *
 * @param post the post as a report names it (市委书记, 副市长), may be empty
 */
public record MeetingSpeaker(MeetingRole role, String name, String post) {
    public MeetingSpeaker {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        name = name.strip();
        post = post == null ? "" : post.strip();
    }
}
