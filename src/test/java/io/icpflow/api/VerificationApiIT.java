package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.filing.FilingApplication.Subject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Identity verification over HTTP (API.md "Identity verification"): the view's sessions, the result
 * endpoint as the service uses it (role icp-verifier, idempotent, unknown or closed sessions kept),
 * renewals, the third failure, and the suite's simulator passing or failing whom it is told to.
 */
@ApiTest
class VerificationApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @Test
    void theServicesResultsMoveTheApplicationToReviewAndAreAppliedOnce() {
        String id = api.applyAwaitingVerification("alice", leftToTheEndpoint(TestData.enterprise()));
        JsonNode view = api.filing("alice", id);
        assertThat(view.get("status").asText()).isEqualTo("IDENTITY_VERIFICATION");
        JsonNode sessions = view.get("verification").get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).get("who").asText()).isEqualTo("SUBJECT_PRINCIPAL");
        assertThat(sessions.get(1).get("who").asText()).isEqualTo("WEBSITE_PRINCIPAL");
        for (JsonNode session : sessions) {
            assertThat(session.get("status").asText()).isEqualTo("PENDING");
            assertThat(session.get("url").asText()).startsWith("https://").contains(session.get("id").asText());
            assertThat(OffsetDateTime.parse(session.get("expiresAt").asText()))
                    .isCloseTo(OffsetDateTime.now().plusMinutes(10), within(Duration.ofMinutes(1)));
        }
        // the mail of the new status carries the links
        List<MimeMessage> mails = api.awaitMails(id, 2);
        assertThat(mails.stream().map(MailText::of)).anySatisfy(text -> assertThat(text)
                .contains(sessions.get(0).get("url").asText()).contains(sessions.get(1).get("url").asText()));

        String first = "result-" + UUID.randomUUID();
        Http.Response applied = api.verificationResult(first, sessions.get(0).get("id").asText(), true, null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        assertThat(applied.json().get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(applied.json().get("filingId").asText()).isEqualTo(id);
        Http.Response again = api.verificationResult(first, sessions.get(0).get("id").asText(), true, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("IDENTITY_VERIFICATION");

        assertThat(api.verificationResult("result-" + UUID.randomUUID(), sessions.get(1).get("id").asText(), true, null).status())
                .isEqualTo(202);
        JsonNode reviewed = api.filing("alice", id);
        assertThat(reviewed.get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(reviewed.get("verification").get("sessions")).extracting(s -> s.get("status").asText()).containsOnly("PASSED");
        assertThat(api.task("reviewer", id, "providerReview")).isNotNull();

        // a decided session takes no further result: 409, and the result is kept
        String late = "result-" + UUID.randomUUID();
        Http.Response closed = api.verificationResult(late, sessions.get(0).get("id").asText(), false, "late");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("code").asText()).isEqualTo("VERIFICATION_SESSION_CLOSED");
        assertThat(closed.json().get("resultId").asText()).isEqualTo(late);
        assertThat(outcomeOf(late)).isEqualTo("SESSION_CLOSED");
    }

    @Test
    void aResultForAnUnknownSessionIsKeptAnd409() {
        String resultId = "result-" + UUID.randomUUID();
        Http.Response unknown = api.verificationResult(resultId, "no-such-session", true, null);
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().get("code").asText()).isEqualTo("VERIFICATION_SESSION_UNKNOWN");
        assertThat(outcomeOf(resultId)).isEqualTo("UNKNOWN_SESSION");
        assertThat(api.verificationResult(resultId, "no-such-session", true, null).status()).as("the same result again").isEqualTo(200);
    }

    @Test
    void onlyTheVerifierPostsResultsAndABadBodyChangesNothing() {
        String body = Http.json(java.util.Map.of("resultId", "r-" + UUID.randomUUID(), "sessionId", "s", "passed", true));
        for (String user : List.of("alice", "reviewer", "regulator", "ops")) {
            assertThat(api.http().post(user, "/api/verification/results", body).status()).as(user).isEqualTo(403);
        }
        assertThat(api.http().post(null, "/api/verification/results", body).status()).isEqualTo(401);

        Http.Response empty = api.http().post("verifier", "/api/verification/results", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("resultId", "sessionId", "passed");
        Http.Response longId = api.verificationResult("x".repeat(129), "s", true, null);
        assertThat(longId.status()).isEqualTo(400);
        assertThat(longId.json().get("errors").get(0).get("code").asText()).isEqualTo("INVALID_FORMAT");
        assertThat(api.verificationResult("r-" + UUID.randomUUID(), "s", false, "y".repeat(501)).status()).isEqualTo(400);
        assertThat(api.http().post("verifier", "/api/verification/results", "not json").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from verification_result where session_id = 's'").query(Long.class).single()).isZero();
        // the verifier has nothing else
        assertThat(api.http().get("verifier", "/api/filings").status()).isEqualTo(403);
        assertThat(api.http().get("verifier", "/engine-rest/task").status()).isEqualTo(403);
    }

    @Test
    void threeFailuresReturnTheApplicationAndTheApplicantRenewsInBetween() {
        String id = api.applyAwaitingVerification("alice", leftToTheEndpoint(TestData.enterprise()));
        List<String> failed = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonNode subject = api.filing("alice", id).get("verification").get("sessions").get(0);
            assertThat(subject.get("status").asText()).isEqualTo("PENDING");
            assertThat(api.verificationResult("r-" + UUID.randomUUID(), subject.get("id").asText(), false, "face " + attempt).status())
                    .isEqualTo(202);
            failed.add(subject.get("id").asText());
            if (attempt < 3) {
                JsonNode after = api.filing("alice", id);
                assertThat(after.get("status").asText()).isEqualTo("IDENTITY_VERIFICATION");
                assertThat(after.get("verification").get("sessions").get(0).get("status").asText()).isEqualTo("FAILED");
                Http.Response renewed = api.http().post("alice", "/api/filings/" + id + "/verification", "");
                assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
                assertThat(renewed.json().get("verification").get("sessions")).extracting(s -> s.get("status").asText())
                        .containsExactly("PENDING", "PENDING");
            }
        }
        JsonNode returned = api.filing("alice", id);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        JsonNode reason = returned.get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("VERIFICATION_FAILED");
        assertThat(reason.get("rule").asText()).isEqualTo("IDENTITY_VERIFICATION_2019");
        assertThat(reason.get("source").asText()).contains("信管函〔2019〕87号");
        assertThat(reason.get("message").asText()).contains("face 3");

        Http.Response notWaiting = api.http().post("alice", "/api/filings/" + id + "/verification", "");
        assertThat(notWaiting.status()).isEqualTo(409);
        assertThat(notWaiting.json().get("code").asText()).isEqualTo("NOT_AWAITING_VERIFICATION");
        assertThat(api.http().post("bob", "/api/filings/" + id + "/verification", "").status()).as("another applicant's").isEqualTo(404);
        assertThat(api.http().post("alice", "/api/filings/not-an-id/verification", "").status()).isEqualTo(404);
    }

    @Test
    void theSimulatorFailsThosePrincipalsItIsToldToAndPassesTheRest() {
        FilingApplication app = TestData.enterprise();
        String id = api.applyAwaitingVerification("alice", TestData.withSubject(app, withContactNamed(app.subject(), ApiTest.FAILING)));
        // both principals are the one person the simulator fails: two failures, a renewal, and the third returns it
        await().atMost(Duration.ofSeconds(30)).until(() -> api.filing("alice", id).get("verification").get("sessions")
                .findValuesAsText("status").contains("FAILED"));
        assertThat(api.http().post("alice", "/api/filings/" + id + "/verification", "").status()).isEqualTo(200);
        JsonNode returned = api.awaitStatus("alice", id, "RETURNED");
        assertThat(returned.get("reasons").get(0).get("message").asText()).contains(ApiTest.FAILING_REASON);

        String passes = api.applyAwaitingVerification("bob", TestData.enterprise());
        assertThat(api.awaitVerified("bob", passes).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void aWithdrawalEndsTheWaitAndALateResultIsKept() {
        String id = api.applyAwaitingVerification("alice", leftToTheEndpoint(TestData.enterprise()));
        String session = api.filing("alice", id).get("verification").get("sessions").get(0).get("id").asText();
        assertThat(api.http().post("alice", "/api/filings/" + id + "/withdrawal", "").status()).isEqualTo(200);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("WITHDRAWN");
        Http.Response late = api.verificationResult("r-" + UUID.randomUUID(), session, true, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("VERIFICATION_SESSION_CLOSED");
    }

    private String outcomeOf(String resultId) {
        return jdbc.sql("select outcome from verification_result where result_id = ?").param(resultId).query(String.class).single();
    }

    private static FilingApplication leftToTheEndpoint(FilingApplication app) {
        return TestData.withSubject(app, withContactNamed(app.subject(), ApiTest.UNANSWERED));
    }

    private static Subject withContactNamed(Subject subject, String name) {
        Contact contact = subject.contact();
        return new Subject(subject.kind(), subject.name(), subject.idNumber(), subject.province(),
                new Contact(name, contact.email(), contact.mobile()), subject.materials(), subject.principalIsLegalRepresentative());
    }
}
