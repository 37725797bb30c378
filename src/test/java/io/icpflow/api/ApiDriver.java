package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.icpflow.filing.FilingApplication;
import io.icpflow.providerstage.ProviderStageProcess;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the outside world does in the API tests: applicants, the reviewer in /engine-rest, the regulator's webhook. */
public class ApiDriver {

    private final GreenMail smtp;
    private final JdbcClient jdbc;
    private final Environment environment;
    private Http http;

    ApiDriver(GreenMail smtp, JdbcClient jdbc, Environment environment) {
        this.smtp = smtp;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** The port is known only once the server runs, after this bean was made. */
    public Http http() {
        if (http == null) {
            http = new Http(environment.getRequiredProperty("local.server.port", Integer.class));
        }
        return http;
    }

    /** Applies as a client does, and waits while the principals verify (the suite's simulator passes them). */
    public String apply(String user, FilingApplication app) {
        String id = applyAwaitingVerification(user, app);
        awaitVerified(user, id);
        return id;
    }

    /** Applies; the filing may still wait for identity verification. */
    public String applyAwaitingVerification(String user, FilingApplication app) {
        Http.Response created = http().post(user, "/api/filings", Http.json(provisioned(user, app, null)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Resubmits as a client does (the service numbers of the filing where the corrected application names none), and waits while the principals verify. */
    public Http.Response resubmit(String user, String id, FilingApplication app) {
        Http.Response response = http().post(user, "/api/filings/" + id + "/resubmission", Http.json(provisioned(user, app, filing(user, id))));
        if (response.status() == 200) {
            awaitVerified(user, id);
        }
        return response;
    }

    /** Until the filing no longer waits for identity verification (or never did); the view then. */
    public JsonNode awaitVerified(String user, String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> filing(user, id).get("status").asText(), s -> !"IDENTITY_VERIFICATION".equals(s));
        return filing(user, id);
    }

    /** The verification service posts a result for a session (as {@code verifier}). */
    public Http.Response verificationResult(String resultId, String sessionId, boolean passed, String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("resultId", resultId);
        body.put("sessionId", sessionId);
        body.put("passed", passed);
        body.put("reason", reason);
        return http().post("verifier", "/api/verification/results", Http.json(body));
    }

    public String serviceNumber(String user) {
        return http().serviceNumber(user);
    }

    public String json(String user, FilingApplication app) {
        return http().json(user, app);
    }

    public FilingApplication provisioned(String user, FilingApplication app, JsonNode view) {
        return http().provisioned(user, app, view);
    }

    public JsonNode filing(String user, String id) {
        Http.Response response = http().get(user, "/api/filings/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public JsonNode awaitStatus(String user, String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> filing(user, id).get("status").asText(), status::equals);
        return filing(user, id);
    }

    /** The open task with this key, found as API.md says: {@code /engine-rest/task?processInstanceBusinessKey=}. */
    public JsonNode task(String user, String filingId, String taskKey) {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + filingId + "&taskDefinitionKey=" + taskKey;
        // a task can be a moment away: a result of the verification simulator or a job of the executor
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> http().get(user, query).json().size() == 1);
        JsonNode tasks = http().get(user, query).json();
        assertThat(tasks).as("open " + taskKey + " of " + filingId).hasSize(1);
        return tasks.get(0);
    }

    public void review(String filingId, String decision, String reasons) {
        String taskId = task("reviewer", filingId, "providerReview").get("id").asText();
        Http.Response done = http().post("reviewer", "/engine-rest/task/" + taskId + "/complete", reviewBody(decision, reasons));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    /** The body of the reviewer's task completion through the engine API (API.md: reviewDecision, reviewReasons). */
    public static String reviewBody(String decision, String reasons) {
        return Http.json(Map.of("variables", Map.of(
                ProviderStageProcess.REVIEW_DECISION.name(), Map.of("value", decision, "type", "String"),
                ProviderStageProcess.REVIEW_REASONS.name(), Map.of("value", reasons, "type", "String"))));
    }

    public Http.Response notice(String type, String filingId, String icpNumber, String reason) {
        return notice("n-" + UUID.randomUUID(), type, filingId, icpNumber, reason);
    }

    public Http.Response notice(String notificationId, String type, String filingId, String icpNumber, String reason) {
        return http().notice(notificationId, type, filingId, icpNumber, null, reason);
    }

    /** Approve, SMS verified, CA approved, synced: the whole way to ACTIVE through the contract. */
    public JsonNode driveToActive(String user, String id, String icpNumber) {
        review(id, "APPROVE", "");
        awaitStatus(user, id, "SMS_VERIFICATION");
        assertThat(notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        assertThat(notice("FILING_APPROVED", id, icpNumber, null).status()).isEqualTo(202);
        assertThat(notice("FILING_SYNCED", id, null, null).status()).isEqualTo(202);
        return awaitStatus(user, id, "ACTIVE");
    }

    public List<MimeMessage> mailsAbout(String filingId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(filingId)).toList();
    }

    /**
     * Waits until at least {@code expected} mails about the filing are queued and every queued one
     * has gone out, then returns what the SMTP server received (so an extra mail would show).
     */
    public List<MimeMessage> awaitMails(String filingId, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> statuses = jdbc.sql("select status from mail_outbox where filing_id = ?").param(filingId).query(String.class).list();
            return statuses.size() >= expected && statuses.stream().allMatch("SENT"::equals);
        });
        return mailsAbout(filingId);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
