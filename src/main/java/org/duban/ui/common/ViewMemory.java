package org.duban.ui.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a screen remembers of how the user left it on this computer (the checklist's columns, widths and row height):
 * per user, not per ledger. The program keeps it in the user's preferences file; tests in memory.
 */
public interface ViewMemory {
    Optional<String> get(String key);

    void put(String key, String value);

    /** Remembers for as long as the object lives (tests, a screen without preferences). */
    static ViewMemory inMemory() {
        Map<String, String> values = new HashMap<>();
        return new ViewMemory() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void put(String key, String value) {
                values.put(key, value);
            }
        };
    }
}
