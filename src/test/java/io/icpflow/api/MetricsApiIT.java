package io.icpflow.api;

import io.icpflow.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operations scrape (/actuator/prometheus, icp-ops only) and the orchestrator's probes. */
@ApiTest
class MetricsApiIT {

    @Autowired ApiDriver api;

    @Test
    void operationsScrapeTheFilingsByTypeAndStatusAndTheBacklogs() {
        long before = filingsIn("NEW_FILING", "PROVIDER_REVIEW");
        api.apply("alice", TestData.enterprise());
        await().atMost(Duration.ofSeconds(30)).until(() -> filingsIn("NEW_FILING", "PROVIDER_REVIEW") == before + 1);

        String scrape = api.http().get("ops", "/actuator/prometheus").body();
        assertThat(scrape).contains("icp_escalations_open", "icp_incidents", "icp_jobs_due", "icp_mail_outbox_backlog",
                "icp_mail_outbox_oldest_age_seconds", "icp_filing_status_changes_total{", "http_server_requests_seconds_bucket");
        assertThat(scrape).containsPattern("icp_filing_status_changes_total\\{[^}]*status=\"PROVIDER_REVIEW\"[^}]*type=\"NEW_FILING\"");
        assertThat(scrape).containsPattern("icp_filing_stage_exits_total\\{[^}]*stage=\"IDENTITY_VERIFICATION\"[^}]*to=\"PROVIDER_REVIEW\"");
        // the principals' verification: sessions opened and passed, the service's results applied
        assertThat(scrape).containsPattern("icp_verification_sessions_total\\{[^}]*outcome=\"OPENED\"")
                .containsPattern("icp_verification_sessions_total\\{[^}]*outcome=\"PASSED\"")
                .containsPattern("icp_verification_results_total\\{[^}]*outcome=\"APPLIED\"");
        assertThat(api.http().get("admin", "/actuator/prometheus").status()).isEqualTo(200);
    }

    /** The job executor's acquisitions and executions count up between scrapes (the engine's own meters reset at each flush). */
    @Test
    void theJobExecutorsAcquisitionsAndExecutionsCountUp() {
        double attempts = value("icp_jobs_acquisition_attempts_total", "");
        double executed = value("icp_jobs_executed_total", "outcome=\"successful\"");
        // a filing's journey runs asynchronous continuations (the mail outbox, the regulator's submission)
        api.apply("alice", TestData.enterprise());
        await().atMost(Duration.ofSeconds(30)).until(() -> value("icp_jobs_acquisition_attempts_total", "") > attempts
                && value("icp_jobs_executed_total", "outcome=\"successful\"") > executed);
        assertThat(value("icp_jobs_acquired_total", "outcome=\"locked\"")).isPositive();
        assertThat(value("icp_jobs_rejected_total", "")).isNotNegative();
    }

    /** The value of the series with this label (among others); -1 when the scrape has none. */
    private double value(String name, String label) {
        String scrape = api.http().get("ops", "/actuator/prometheus").body();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} ([0-9.E]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void theScrapeIsForOperationsOnly() {
        assertThat(api.http().get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.http().get("alice", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.http().get("reviewer", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.http().get("regulator", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.http().get("verifier", "/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void livenessAndReadinessProbes() {
        Http.Response liveness = api.http().get(null, "/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
        Http.Response readiness = api.http().get(null, "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(api.http().get(null, "/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    private long filingsIn(String type, String status) {
        String scrape = api.http().get("ops", "/actuator/prometheus").body();
        Matcher m = Pattern.compile("icp_filings\\{[^}]*status=\"" + status + "\"[^}]*type=\"" + type + "\"[^}]*} ([0-9.E]+)").matcher(scrape);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }
}
