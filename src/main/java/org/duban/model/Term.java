package org.duban.model;

import java.util.List;
import java.util.Objects;

/**
 * A name of the office's vocabulary of sources (来源) or problem categories (问题类别), in its place in the
 * office's order, with the other spellings met in lists (中央生态环境保护督察反馈问题 for 中央生态环境保护督察).
 * Tasks keep the name as text; renaming or merging a term re-points its tasks.
 */
public record Term(long id, Kind kind, String name, int sortOrder, List<String> aliases) {
    public enum Kind {
        SOURCE,
        CATEGORY;

        /** The task field it names: source or category. */
        public String field() {
            return this == SOURCE ? "source" : "category";
        }
    }

    public Term {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }
}
