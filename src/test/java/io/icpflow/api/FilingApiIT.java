package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's applicant journey over HTTP: apply, review in /engine-rest, regulator notices, mails. */
@ApiTest
class FilingApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @Test
    void newFilingReachesActiveWithExactlyOneMailPerMilestone() throws Exception {
        Http.Response created = api.http().post("alice", "/api/filings", api.json("alice", TestData.enterprise()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/filings/" + id);
        // the pre-checks passed: the principals verify (the suite's simulator passes them a moment later)
        assertThat(created.json().get("status").asText()).isEqualTo("IDENTITY_VERIFICATION");
        assertThat(created.json().get("verification").get("sessions")).extracting(s -> s.get("who").asText())
                .containsExactly("SUBJECT_PRINCIPAL", "WEBSITE_PRINCIPAL");
        assertThat(created.json().get("reasons")).isEmpty();
        assertThat(created.json().get("icpNumber").isNull()).isTrue();
        assertThat(api.awaitVerified("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");

        JsonNode task = api.task("reviewer", id, "providerReview");
        assertThat(task.get("name").asText()).contains(id);

        JsonNode active = api.driveToActive("alice", id, "浙ICP备2026012345号");
        assertThat(active.get("icpNumber").asText()).isEqualTo("浙ICP备2026012345号");
        assertThat(active.get("websites").get(0).get("icpNumber").asText()).isEqualTo("浙ICP备2026012345号-1");
        assertThat(active.get("timeline")).extracting(t -> t.get("status").asText()).containsExactly(
                "SUBMITTED", "IDENTITY_VERIFICATION", "PROVIDER_REVIEW", "SMS_VERIFICATION", "CA_REVIEW", "APPROVED", "ACTIVE");
        assertThat(active.get("timeline").get(0).get("at").asText()).endsWith("+08:00");

        List<MimeMessage> mails = api.awaitMails(id, 7);
        assertThat(mails).hasSize(7);
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("zhang@example.com");
            assertThat(ApiDriver.subject(m)).startsWith("ICP备案 " + id);
        });
        assertThat(mails).extracting(ApiDriver::subject).anySatisfy(s -> assertThat(s).contains("ACTIVE"));
    }

    @Test
    void englishFilingGetsEnglishMail() {
        FilingApplication app = TestData.enterprise();
        FilingApplication english = new FilingApplication(app.type(), "en", app.subject(), app.websites(), null, null);
        String id = api.apply("alice", english);
        List<MimeMessage> mails = api.awaitMails(id, 3);
        assertThat(mails).extracting(ApiDriver::subject)
                .containsExactlyInAnyOrder("ICP filing " + id + ": Submitted (SUBMITTED)",
                        "ICP filing " + id + ": Waiting for identity verification (IDENTITY_VERIFICATION)",
                        "ICP filing " + id + ": Under review by your access provider (PROVIDER_REVIEW)");
    }

    @Test
    void listShowsOnlyTheCallersFilings() {
        String alices = api.apply("alice", TestData.enterprise());
        String bobs = api.apply("bob", TestData.enterprise());
        JsonNode list = api.http().get("alice", "/api/filings").json();
        assertThat(list).extracting(f -> f.get("id").asText()).contains(alices).doesNotContain(bobs);
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstAnswerAndCreatesOneFiling() {
        String key = "key-" + UUID.randomUUID();
        FilingApplication app = TestData.enterprise();
        Http.Response first = api.http().post("alice", "/api/filings", api.json("alice", app), key);
        Http.Response second = api.http().post("alice", "/api/filings", api.json("alice", app), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(jdbc.sql("select count(*) from filing where subject_id_number = ?").param(app.subject().idNumber())
                .query(Long.class).single()).isEqualTo(1);
        // another user's same key is another request
        Http.Response bobs = api.http().post("bob", "/api/filings", api.json("bob", TestData.enterprise()), key);
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    }

    @Test
    void resubmissionOnlyWhenReturnedOrRejected() {
        FilingApplication app = TestData.enterprise();
        String id = api.apply("alice", app);
        Http.Response early = api.resubmit("alice", id, app);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("NOT_RESUBMITTABLE");

        api.review(id, "RETURN", "请补充网站负责人信息");
        JsonNode returned = api.awaitStatus("alice", id, "RETURNED");
        assertThat(returned.get("reasons").get(0).get("code").asText()).isEqualTo("RETURNED_BY_REVIEWER");
        assertThat(returned.get("reasons").get(0).get("message").asText()).contains("请补充网站负责人信息");

        Http.Response resubmitted = api.resubmit("alice", id, app);
        assertThat(resubmitted.status()).isEqualTo(200);
        assertThat(resubmitted.json().get("status").asText()).isEqualTo("IDENTITY_VERIFICATION");
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(api.http().post("bob", "/api/filings/" + id + "/resubmission", Http.json(app)).status()).isEqualTo(404);
    }

    @Test
    void withdrawalOnlyBeforeTheCaHasIt() {
        String id = api.apply("alice", TestData.enterprise());
        Http.Response withdrawn = api.http().post("alice", "/api/filings/" + id + "/withdrawal", null);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.http().post("alice", "/api/filings/" + id + "/withdrawal", null).status()).isEqualTo(409);

        String atCa = api.apply("alice", TestData.enterprise());
        api.review(atCa, "APPROVE", "");
        api.awaitStatus("alice", atCa, "SMS_VERIFICATION");
        Http.Response late = api.http().post("alice", "/api/filings/" + atCa + "/withdrawal", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("NOT_WITHDRAWABLE");
        assertThat(api.filing("alice", atCa).get("status").asText()).isEqualTo("SMS_VERIFICATION");
    }

    @Test
    void smsExpiryThroughTheTimerJobReturnsTheFilingAndResubmissionIsReviewedAgain() {
        FilingApplication app = TestData.enterprise();
        String id = api.apply("alice", app);
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        // as an outside tool would: every process instance of the filing, every timer job of those
        List<String> timers = new java.util.ArrayList<>();
        for (JsonNode instance : api.http().get("admin", "/engine-rest/process-instance?businessKey=" + id).json()) {
            for (JsonNode job : api.http().get("admin", "/engine-rest/job?timers=true&processInstanceId=" + instance.get("id").asText()).json()) {
                timers.add(job.get("id").asText());
            }
        }
        assertThat(timers).as("the 24-hour SMS timer is the only timer running").hasSize(1);
        assertThat(api.http().post("admin", "/engine-rest/job/" + timers.get(0) + "/execute", null).status()).isEqualTo(204);

        JsonNode returned = api.awaitStatus("alice", id, "RETURNED");
        assertThat(returned.get("reasons").get(0).get("code").asText()).isEqualTo("SMS_VERIFICATION_EXPIRED");
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(409);
        assertThat(api.resubmit("alice", id, app).status()).isEqualTo(200);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void caRejectionIsShownWithTheCasReason() {
        String id = api.apply("alice", TestData.enterprise());
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        api.notice("SMS_VERIFIED", id, null, null);
        assertThat(api.notice("FILING_REJECTED", id, null, "网站名称涉及敏感词").status()).isEqualTo(202);
        JsonNode rejected = api.awaitStatus("alice", id, "CA_REJECTED");
        assertThat(rejected.get("reasons").get(0).get("code").asText()).isEqualTo("CA_REJECTED");
        assertThat(rejected.get("reasons").get(0).get("message").asText()).contains("网站名称涉及敏感词");
    }
}
