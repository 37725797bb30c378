package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/analytics/summary: the figures move with a filing's journey; analysts only. */
@ApiTest
class AnalyticsApiIT {

    @Autowired ApiDriver api;

    @Test
    void aJourneyMovesEveryFigure() {
        JsonNode before = summary();
        String id = api.apply("alice", TestData.enterprise("expired-domain.cn"));
        api.http().post("alice", "/api/filings/" + id + "/withdrawal", null);
        FilingApplication app = TestData.enterprise();
        String active = api.apply("alice", app);
        api.review(active, "RETURN", "补充材料");
        api.awaitStatus("alice", active, "RETURNED");
        assertThat(api.resubmit("alice", active, app).status()).isEqualTo(200);
        api.driveToActive("alice", active, TestData.subjectNumber(2026, System.nanoTime() % 1_000_000));
        JsonNode after = summary();

        assertThat(after.get("filings").asLong() - before.get("filings").asLong()).isEqualTo(2);
        assertThat(count(after.get("byStatus"), "ACTIVE") - count(before.get("byStatus"), "ACTIVE")).isEqualTo(1);
        assertThat(count(after.get("byStatus"), "WITHDRAWN") - count(before.get("byStatus"), "WITHDRAWN")).isEqualTo(1);
        assertThat(step(after, "ACTIVE") - step(before, "ACTIVE")).isEqualTo(1);
        assertThat(step(after, "SUBMITTED") - step(before, "SUBMITTED")).isEqualTo(2);
        assertThat(stage(after, "PROVIDER_REVIEW").get("count").asInt() - stage(before, "PROVIDER_REVIEW").get("count").asInt()).isEqualTo(2);
        assertThat(stage(after, "CA_REVIEW").get("medianBusinessDays").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(stage(after, "CA_REVIEW").get("byProvince")).anySatisfy(p -> assertThat(p.get("province").asText()).isEqualTo("ZJ"));
        assertThat(stage(after, "SYNC_WAIT").get("slaBusinessDays").asInt()).isEqualTo(2);
        assertThat(reason(after, "RETURNED_BY_REVIEWER") - reason(before, "RETURNED_BY_REVIEWER")).isEqualTo(1);
        assertThat(reason(after, "DOMAIN_EXPIRED") - reason(before, "DOMAIN_EXPIRED")).isEqualTo(1);
        assertThat(after.get("openEscalations").isNumber()).isTrue();
        // the active one verified twice (first submission and resubmission), both principals each time
        assertThat(step(after, "IDENTITY_VERIFICATION") - step(before, "IDENTITY_VERIFICATION")).isEqualTo(1);
        JsonNode verification = after.get("verification");
        assertThat(verification.get("waits").asInt() - before.get("verification").get("waits").asInt()).isEqualTo(2);
        assertThat(verification.get("passed").asInt() - before.get("verification").get("passed").asInt()).isEqualTo(2);
        assertThat(verification.get("sessionsPassed").asInt() - before.get("verification").get("sessionsPassed").asInt()).isEqualTo(4);
        assertThat(verification.get("medianMinutes").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aVerificationFailureCountsAsAReturnAndItsReason() {
        JsonNode before = summary();
        FilingApplication app = TestData.enterprise();
        String id = api.applyAwaitingVerification("alice", TestData.withSubject(app,
                new io.icpflow.filing.FilingApplication.Subject(app.subject().kind(), app.subject().name(), app.subject().idNumber(),
                        app.subject().province(), new io.icpflow.filing.FilingApplication.Contact(ApiTest.FAILING, "f@example.com",
                        "13800000001"))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.filing("alice", id).get("verification").get("sessions").findValuesAsText("status").contains("FAILED"));
        assertThat(api.http().post("alice", "/api/filings/" + id + "/verification", "").status()).isEqualTo(200);
        api.awaitStatus("alice", id, "RETURNED");
        JsonNode after = summary();
        assertThat(reason(after, "VERIFICATION_FAILED") - reason(before, "VERIFICATION_FAILED")).isEqualTo(1);
        assertThat(after.get("verification").get("returned").asInt() - before.get("verification").get("returned").asInt()).isEqualTo(1);
        assertThat(after.get("verification").get("sessionsFailed").asInt() - before.get("verification").get("sessionsFailed").asInt())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void appsAndChangesAreCountedByTypeAndByNumber() {
        JsonNode before = summary();
        FilingApplication app = TestData.withApps(TestData.enterprise(), List.of(TestData.app("统计App", TestData.packageName())));
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), number);
        Website renamed = new Website("改名网站", app.websites().get(0).domains(), "cn-hangzhou", Content.COMPANY, true);
        api.apply("alice", TestData.change(FilingType.CHANGE_WEBSITE, app.subject(), TestData.websiteNumber(number, 1), List.of(renamed),
                List.of()));
        JsonNode after = summary();

        assertThat(count(after.get("byType"), "NEW_FILING") - count(before.get("byType"), "NEW_FILING")).isEqualTo(1);
        assertThat(count(after.get("byType"), "CHANGE_WEBSITE") - count(before.get("byType"), "CHANGE_WEBSITE")).isEqualTo(1);
        assertThat(after.get("numbered").get("apps").asLong() - before.get("numbered").get("apps").asLong()).isEqualTo(1);
        assertThat(after.get("numbered").get("websites").asLong() - before.get("numbered").get("websites").asLong()).isEqualTo(1);
    }

    @Test
    void analystsAndAdminsOnlyWithAValidRange() {
        assertThat(api.http().get("alice", "/api/analytics/summary").status()).isEqualTo(403);
        assertThat(api.http().get("reviewer", "/api/analytics/summary").status()).isEqualTo(403);
        assertThat(api.http().get("admin", "/api/analytics/summary").status()).isEqualTo(200);
        Http.Response bad = api.http().get("analyst", "/api/analytics/summary?from=2026-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(api.http().get("analyst", "/api/analytics/summary?from=2026-11-30&to=2026-11-01").status()).isEqualTo(400);
    }

    private JsonNode summary() {
        LocalDate today = EngineClock.todayInChina();
        Http.Response response = api.http().get("analyst", "/api/analytics/summary?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static long count(JsonNode byStatus, String status) {
        return byStatus.has(status) ? byStatus.get(status).asLong() : 0;
    }

    private static long step(JsonNode summary, String step) {
        for (JsonNode s : summary.get("funnel")) {
            if (s.get("step").asText().equals(step)) {
                return s.get("count").asLong();
            }
        }
        throw new AssertionError("no funnel step " + step);
    }

    private static JsonNode stage(JsonNode summary, String stage) {
        for (JsonNode s : summary.get("stages")) {
            if (s.get("stage").asText().equals(stage)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + stage);
    }

    private static long reason(JsonNode summary, String code) {
        for (JsonNode r : summary.get("rejectionReasons")) {
            if (r.get("code").asText().equals(code)) {
                return r.get("count").asLong();
            }
        }
        return 0;
    }
}
