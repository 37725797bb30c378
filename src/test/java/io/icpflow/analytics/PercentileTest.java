package io.icpflow.analytics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Percentiles read from the read model's bins rather than from the samples. */
class PercentileTest {

    @Test
    void nearestRankIsExactWhereABinsSamplesAreEqual() {
        Histogram days = Histogram.of(List.of(0.5, 1.0, 2.0, 3.0, 10.0));
        assertThat(days.percentile(0.5)).isEqualTo(2.0);
        assertThat(days.percentile(0.9)).isEqualTo(10.0);
        assertThat(Histogram.of(List.of(4.0)).percentile(0.9)).isEqualTo(4.0);
        assertThat(Histogram.of(List.of()).percentile(0.5)).isNull();
        // a rank in a bin of several samples: the samples' mean
        assertThat(Histogram.of(List.of(1.0, 1.0, 1.0, 7.0)).percentile(0.5)).isEqualTo(1.0);
    }

    /** Over many different durations the bins' percentiles stay within the bins' width (5 %) of the exact ones. */
    @Test
    void withinTheBinsWidthOfTheExactPercentile() {
        SplittableRandom random = new SplittableRandom(18);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            values.add(-Math.log(1 - random.nextDouble()) * 6);
        }
        Histogram histogram = Histogram.of(values);
        List<Double> sorted = values.stream().sorted().toList();
        for (double p : new double[] {0.1, 0.5, 0.9, 0.99}) {
            double exact = sorted.get((int) Math.ceil(p * sorted.size()) - 1);
            assertThat(histogram.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.05));
        }
        assertThat(histogram.count()).isEqualTo(100_000);
    }

    @Test
    void theReportedBoundariesAreBinEdges() {
        for (double bound : DurationBins.REPORTED) {
            assertThat(DurationBins.upper(DurationBins.of(bound))).isEqualTo(bound);
            assertThat(DurationBins.of(Math.nextUp(bound))).isEqualTo(DurationBins.of(bound) + 1);
        }
        assertThat(DurationBins.of(0)).isZero();
        assertThat(DurationBins.upper(DurationBins.of(1e9))).isInfinite();
    }
}
