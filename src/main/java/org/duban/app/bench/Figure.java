package org.duban.app.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The timed runs of one measure (after its warm-up): median, fastest, slowest, and the spread, (slowest − fastest)
 * / median, which says how far to trust the median on a shared machine.
 */
public record Figure(List<Double> samples) {
    public Figure {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        samples = List.copyOf(samples);
    }

    public static Figure of(double... values) {
        return new Figure(Arrays.stream(values).boxed().toList());
    }

    public double median() {
        double[] s = sorted();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public double min() {
        return sorted()[0];
    }

    public double max() {
        double[] s = sorted();
        return s[s.length - 1];
    }

    /** (max − min) / median, in percent. */
    public double spreadPercent() {
        double m = median();
        return m == 0 ? 0 : 100 * (max() - min()) / m;
    }

    private double[] sorted() {
        return samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
