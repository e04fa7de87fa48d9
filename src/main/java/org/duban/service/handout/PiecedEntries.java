package org.duban.service.handout;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.duban.i18n.LocalizedException;
import org.duban.model.Task;

/**
 * A section of a large unit's handout whose tasks are read a piece at a time as the paginator reaches them, and let
 * go when it moves on: the paginator goes through a unit twice (counting its pages, then drawing them), and a unit of
 * 12,900 tasks held with its texts for both was the peak of a 50,000-task meeting's handouts (issue 24). Only the
 * tasks' ids are held, in the handout's order (by section, then 序号); a piece is read again when it is reached again,
 * and a unit of no more than a piece's tasks is read once.
 */
final class PiecedEntries extends AbstractList<HandoutEntry> {
    private final Pieces unit;
    private final int offset;
    private final int size;

    /** Entries {@code offset} to {@code offset + size} of the unit's tasks, in its handout's order. */
    PiecedEntries(Pieces unit, int offset, int size) {
        this.unit = unit;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public HandoutEntry get(int index) {
        Objects.checkIndex(index, size);
        return unit.get(offset + index);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * A unit's tasks in its handout's order (its sections one after the other), read a piece at a time: one piece is
     * held, so that a unit of up to a piece's tasks is read once for both passes.
     */
    static final class Pieces {
        private final String unitName;
        private final long[] ids;
        private final int piece;
        private final Function<long[], List<Task>> read;
        private final Function<Task, HandoutEntry> entry;
        private int start = -1;
        private HandoutEntry[] held = new HandoutEntry[0];

        /**
         * @param read  the tasks of the given ids with their texts and statuses, in any order
         * @param entry a task's row of this unit's handout
         */
        Pieces(String unitName, long[] ids, int piece, Function<long[], List<Task>> read,
             Function<Task, HandoutEntry> entry) {
            if (piece < 1) {
                throw new IllegalArgumentException("piece " + piece);
            }
            this.unitName = unitName;
            this.ids = ids.clone();
            this.piece = piece;
            this.read = read;
            this.entry = entry;
        }

        synchronized HandoutEntry get(int index) {
            if (start < 0 || index < start || index >= start + held.length) {
                load(index / piece * piece);
            }
            return held[index - start];
        }

        private void load(int from) {
            held = new HandoutEntry[0]; // the piece before is let go before the next is read
            long[] want = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + piece));
            Map<Long, Task> byId = new HashMap<>();
            for (Task t : read.apply(want)) {
                byId.put(t.id(), t);
            }
            HandoutEntry[] entries = new HandoutEntry[want.length];
            for (int i = 0; i < want.length; i++) {
                Task t = byId.get(want[i]);
                entries[i] = t == null ? null : entry.apply(t);
                if (entries[i] == null) {
                    // the task went between the unit's list and this piece's read
                    throw new LocalizedException("handout.error.changed", unitName);
                }
            }
            start = from;
            held = entries;
        }
    }
}
