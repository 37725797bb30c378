package io.icpflow.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Durations of one figure as counts and sums per {@link DurationBins bin}: the percentiles and the distribution the page shows. */
final class Histogram {

    private record Bin(long count, double sum) {
    }

    private final TreeMap<Integer, Bin> bins = new TreeMap<>();
    private long count;

    static Histogram of(List<Double> values) {
        Histogram histogram = new Histogram();
        values.forEach(histogram::add);
        return histogram;
    }

    void add(double value) {
        add(DurationBins.of(value), 1, value);
    }

    void add(int bin, long samples, double sum) {
        bins.merge(bin, new Bin(samples, sum), (a, b) -> new Bin(a.count + b.count, a.sum + b.sum));
        count += samples;
    }

    long count() {
        return count;
    }

    /** Nearest rank, as the mean of the bin the rank falls in; null when there are no samples. */
    Double percentile(double p) {
        if (count == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * count));
        long seen = 0;
        for (Bin bin : bins.values()) {
            seen += bin.count;
            if (seen >= rank) {
                return round(bin.sum / bin.count);
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count);
    }

    /** The samples in the page's buckets (≤0.5, 0.5–1, …, >30): exact, the buckets' edges being bin edges. */
    List<AnalyticsService.Bucket> distribution() {
        List<AnalyticsService.Bucket> buckets = new ArrayList<>();
        double lower = 0;
        for (double bound : DurationBins.REPORTED) {
            buckets.add(new AnalyticsService.Bucket(lower == 0 ? "≤" + label(bound) : label(lower) + "–" + label(bound), bound, between(lower, bound)));
            lower = bound;
        }
        buckets.add(new AnalyticsService.Bucket(">" + label(lower), null, between(lower, Double.POSITIVE_INFINITY)));
        return buckets;
    }

    private int between(double lower, double upper) {
        int samples = 0;
        for (Map.Entry<Integer, Bin> bin : bins.entrySet()) {
            double edge = DurationBins.upper(bin.getKey());
            if (edge > lower && edge <= upper) {
                samples += (int) bin.getValue().count;
            }
        }
        return samples;
    }

    private static String label(double days) {
        return days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(days);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
