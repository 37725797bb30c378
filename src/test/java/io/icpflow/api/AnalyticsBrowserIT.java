package io.icpflow.api;

import io.icpflow.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics page in Debian's Chromium: an analyst sees every chart drawn with data; an applicant gets nothing. */
@ApiTest
class AnalyticsBrowserIT {

    private static final List<String> CHARTS = List.of("funnel", "stages", "durations", "breaches", "provinces", "reasons", "statuses");

    @Autowired ApiDriver api;
    @LocalServerPort int port;

    @Test
    void anAnalystSeesEveryChartWithData() {
        String active = api.apply("alice", TestData.enterprise());
        api.driveToActive("alice", active, TestData.subjectNumber(2026, Math.abs(active.hashCode()) % 1_000_000));
        String returned = api.apply("alice", TestData.enterprise());
        api.review(returned, "RETURN", "网站名称不符");
        try (Browser browser = Browser.open(port)) {
            browser.goAs("analyst", "analyst", "/analytics/");
            browser.await(By.cssSelector("body[data-loaded='true']"));
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                    const sums = {};
                    for (const id of arguments[0]) {
                      const chart = Chart.getChart(document.getElementById(id));
                      sums[id] = chart ? chart.data.datasets.flatMap(d => d.data).reduce((a, b) => a + (b || 0), 0) : -1;
                    }
                    return sums;""", CHARTS);
            assertThat(drawn).containsOnlyKeys(CHARTS.toArray(String[]::new));
            assertThat(((Number) drawn.get("funnel")).doubleValue()).isPositive();
            assertThat(((Number) drawn.get("statuses")).doubleValue()).isPositive();
            assertThat(((Number) drawn.get("reasons")).doubleValue()).isPositive();
            assertThat(((Number) drawn.get("durations")).doubleValue()).isPositive();
            assertThat(drawn.values()).allSatisfy(sum -> assertThat(((Number) sum).doubleValue()).isGreaterThanOrEqualTo(0));
            assertThat(browser.driver().findElement(By.id("filings")).getText()).matches("[1-9][0-9]*");
            assertThat(browser.driver().findElement(By.id("error")).isDisplayed()).isFalse();
            browser.screenshot("analytics-1-analyst");
            // signing out: a page that posts the session's token, then the sign-in page says so
            browser.click(By.id("sign-out"));
            browser.await(By.cssSelector("button#sign-out"));
            browser.screenshot("analytics-3-sign-out");
            browser.click(By.cssSelector("button#sign-out"));
            browser.await(By.id("logged-out"));
            browser.go("/analytics/");
            browser.await(By.id("username"));
        }
    }

    @Test
    void anApplicantGetsNoAnalytics() {
        try (Browser browser = Browser.open(port)) {
            browser.goAs("alice", "alice", "/analytics/");
            assertThat(browser.driver().getPageSource()).doesNotContain("<canvas");
            assertThat(browser.driver().findElements(By.id("funnel"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("denied")).isDisplayed()).isTrue();
            browser.screenshot("analytics-2-applicant-refused");
        }
    }
}
