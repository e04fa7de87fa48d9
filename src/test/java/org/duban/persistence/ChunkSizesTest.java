package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statement sizes of a multi-row insert: every row once, in order, and only a few distinct sizes. */
class ChunkSizesTest {
    @Test
    void fullStatementsThenTheRestInFallingPowersOfTwo() {
        assertEquals(List.of(300, 300, 128, 32, 8, 2), JdbiSupport.chunkSizes(770, 300));
        assertEquals(List.of(100, 100, 100, 100, 100), JdbiSupport.chunkSizes(500, 100));
        assertEquals(List.of(64, 32, 4, 1), JdbiSupport.chunkSizes(101, 128));
        assertEquals(List.of(100, 1), JdbiSupport.chunkSizes(101, 100));
        assertEquals(List.of(), JdbiSupport.chunkSizes(0, 300));
        assertEquals(List.of(1), JdbiSupport.chunkSizes(1, 300));
    }

    @Test
    void everyCountIsCoveredExactlyWithFewDistinctSizes() {
        Set<Integer> sizes = new HashSet<>();
        for (int n = 0; n <= 2_000; n++) {
            List<Integer> chunks = JdbiSupport.chunkSizes(n, 300);
            assertEquals(n, chunks.stream().mapToInt(Integer::intValue).sum(), "rows of " + n);
            assertTrue(chunks.stream().allMatch(s -> s > 0 && s <= 300), chunks.toString());
            sizes.addAll(chunks);
        }
        // 300 and the powers of two below it: the SQL texts JDBI parses, whatever the counts
        assertEquals(Set.of(300, 256, 128, 64, 32, 16, 8, 4, 2, 1), sizes);
    }
}
