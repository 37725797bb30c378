package io.icpflow.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bins the read model counts durations in, so that a figure over a million filings reads a few
 * hundred counts instead of a million samples. They are log-spaced, each about 5 % wider than the one
 * before, from under a second to 100,000 (days or minutes); the report's boundaries (0.5, 1, 2, 5, 10,
 * 20, 30) are bin edges, so its distribution is exact. A bin also keeps the sum of its samples, so a
 * percentile is the mean of the bin it falls in: exact when the bin's samples are equal, and never
 * further off than the bin is wide. The edges are part of what is stored: changing them needs a new
 * {@link TallyStore#SCHEME}, which rebuilds the tallies from the timelines.
 */
final class DurationBins {

    /** The boundaries the analytics page shows its distribution in. */
    static final double[] REPORTED = {0.5, 1, 2, 5, 10, 20, 30};

    private static final double GROWTH = 1.05;
    private static final double SMALLEST = 1e-5;
    private static final double LARGEST = 100_000;

    /** Bin i holds the values in (UPPER[i-1], UPPER[i]]; bin 0 from 0; bin UPPER.length all above the last edge. */
    private static final double[] UPPER = edges();

    private DurationBins() {
    }

    static int of(double value) {
        int found = Arrays.binarySearch(UPPER, value);
        return found >= 0 ? found : -found - 1;
    }

    /** The bin's upper edge; infinite for the last. */
    static double upper(int bin) {
        return bin < UPPER.length ? UPPER[bin] : Double.POSITIVE_INFINITY;
    }

    private static double[] edges() {
        List<Double> edges = new ArrayList<>();
        for (double edge = REPORTED[0] / GROWTH; edge > SMALLEST; edge /= GROWTH) {
            edges.add(0, edge);
        }
        edges.add(REPORTED[0]);
        for (int i = 0; i + 1 < REPORTED.length; i++) {
            double from = REPORTED[i];
            double to = REPORTED[i + 1];
            int steps = (int) Math.ceil(Math.log(to / from) / Math.log(GROWTH));
            for (int step = 1; step < steps; step++) {
                edges.add(from * Math.pow(to / from, (double) step / steps));
            }
            edges.add(to);
        }
        for (double edge = REPORTED[REPORTED.length - 1] * GROWTH; edge < LARGEST; edge *= GROWTH) {
            edges.add(edge);
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
