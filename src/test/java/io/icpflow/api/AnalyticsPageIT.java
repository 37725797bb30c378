package io.icpflow.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics page is served by the app, with its chart library, to analysts and admins only. */
@ApiTest
class AnalyticsPageIT {

    @Autowired ApiDriver api;
    @LocalServerPort int port;

    @Test
    void analystsGetThePageAndItsChartLibrary() {
        WebSession analyst = new WebSession(port);
        Http.Response login = analyst.loginToPages("analyst", "analyst");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/analytics/");
        Http.Response page = analyst.get("/analytics/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("vendor/chart.umd.min.js", "analytics.js", "<canvas id=\"funnel\">").doesNotContain("http://", "https://");
        Http.Response script = analyst.get("/analytics/analytics.js");
        assertThat(script.body()).contains("/api/analytics/summary");
        // the page's own call: the same session reaches the API
        Http.Response summary = analyst.get("/api/analytics/summary?from=2026-01-01&to=2026-12-31");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().has("funnel")).isTrue();
        Http.Response chartJs = analyst.get("/analytics/vendor/chart.umd.min.js");
        assertThat(chartJs.status()).isEqualTo(200);
        assertThat(chartJs.body()).startsWith("/*!\n * Chart.js v4");
    }

    @Test
    void othersDoNot() {
        Http.Response anonymous = new WebSession(port).get("/analytics/");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
        for (String user : java.util.List.of("alice", "reviewer")) {
            WebSession session = new WebSession(port);
            session.loginToPages(user, user);
            assertThat(session.get("/analytics/").status()).as(user).isEqualTo(403);
        }
        WebSession wrong = new WebSession(port);
        assertThat(wrong.loginToPages("analyst", "wrong").header("Location")).endsWith("/login?error");
        Http.Response again = wrong.get("/login?error");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"error\"");
        assertThat(wrong.get("/analytics/").status()).isEqualTo(302);
    }

    @Test
    void thePagesNeverAskForBasicCredentials() {
        // a browser that cached Basic credentials for the API would send them with any other site's forms
        Http.Response basic = api.http().get("analyst", "/analytics/");
        assertThat(basic.status()).isEqualTo(302);
        assertThat(basic.header("WWW-Authenticate")).isNull();
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        WebSession session = new WebSession(port);
        session.get("/login");
        Http.Response forged = session.send(java.net.http.HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=analyst&password=analyst")));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(session.get("/analytics/").status()).isEqualTo(302);
    }
}
