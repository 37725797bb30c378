package io.icpflow.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics page is served by the app, with its chart library, to analysts and admins only. */
@ApiTest
class AnalyticsPageIT {

    @Autowired ApiDriver api;

    @Test
    void analystsGetThePageAndItsChartLibrary() {
        Http.Response page = api.http().get("analyst", "/analytics/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("vendor/chart.umd.min.js", "analytics.js", "<canvas id=\"funnel\">").doesNotContain("http://", "https://");
        Http.Response script = api.http().get("analyst", "/analytics/analytics.js");
        assertThat(script.body()).contains("/api/analytics/summary");
        Http.Response chartJs = api.http().get("admin", "/analytics/vendor/chart.umd.min.js");
        assertThat(chartJs.status()).isEqualTo(200);
        assertThat(chartJs.body()).startsWith("/*!\n * Chart.js v4");
    }

    @Test
    void othersDoNot() {
        assertThat(api.http().get(null, "/analytics/").status()).isEqualTo(401);
        assertThat(api.http().get("alice", "/analytics/").status()).isEqualTo(403);
        assertThat(api.http().get("reviewer", "/analytics/").status()).isEqualTo(403);
    }
}
