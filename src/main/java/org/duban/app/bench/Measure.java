package org.duban.app.bench;

/**
 * One line of the bench: what was measured, its figure, the floor measured the same way in the same run, and the
 * issue's target for it.
 *
 * @param id      a stable name (JSON key, and the {@code bench.measure.<id>} text)
 * @param unit    "ms" or "MB"
 * @param floorId the floor's name ({@code bench.floor.<floorId>})
 * @param floor   the floor's figure, or null when it could not be measured (then {@code note} says why)
 * @param target  the target, or null when the issue sets none
 * @param note    what else the reader should know (a cross-check, why a floor is missing), or empty
 * @param peakMb      for a measure that starts a process: its peak resident memory (MiB, whole process, see
 *                    {@link PeakRss}) in each timed run; null otherwise, or where the OS does not tell
 * @param floorPeakMb the same for the floor's process
 */
public record Measure(String id, String unit, Figure figure, String floorId, Figure floor, Target target,
                      String note, Figure peakMb, Figure floorPeakMb) {
    public Measure {
        note = note == null ? "" : note;
    }

    public Measure(String id, String unit, Figure figure, String floorId, Figure floor, Target target, String note) {
        this(id, unit, figure, floorId, floor, target, note, null, null);
    }

    /** The same measure with the processes' peak memory (null figures where it was not measured). */
    public Measure withPeak(Figure ours, Figure floorPeak) {
        return new Measure(id, unit, figure, floorId, floor, target, note, ours, floorPeak);
    }

    /** A target: at most {@code limit} times the floor, or at most {@code limit} in the measure's unit. */
    public record Target(double limit, boolean relative) {
        public static Target ratio(double r) {
            return new Target(r, true);
        }

        public static Target absolute(double v) {
            return new Target(v, false);
        }

        boolean met(Measure m) {
            if (relative) {
                return m.ratio() != null && m.ratio() <= limit;
            }
            return m.figure().median() <= limit;
        }
    }

    /** Median over the floor's median, or null without a floor. */
    public Double ratio() {
        if (floor == null || floor.median() <= 0) {
            return null;
        }
        return figure.median() / floor.median();
    }

    /** Whether the target is met, or null when there is none. */
    public Boolean met() {
        return target == null ? null : target.met(this);
    }
}
