package io.icpflow.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PercentileTest {

    @Test
    void nearestRank() {
        List<Double> days = List.of(0.5, 1.0, 2.0, 3.0, 10.0);
        assertThat(AnalyticsService.percentile(days, 0.5)).isEqualTo(2.0);
        assertThat(AnalyticsService.percentile(days, 0.9)).isEqualTo(10.0);
        assertThat(AnalyticsService.percentile(List.of(4.0), 0.9)).isEqualTo(4.0);
        assertThat(AnalyticsService.percentile(List.of(), 0.5)).isNull();
    }
}
