package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** MIIT's SMS check by its rules: whom it texts, a failed check (webhook SMS_FAILED), a new code on request. */
@ApiTest
class SmsVerificationApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @Test
    void tooManyWrongCodesReturnTheApplicationOnceAndTheNoticeIsKept() {
        String id = inSmsVerification(TestData.enterprise());
        String notice = "n-" + UUID.randomUUID();
        assertThat(api.notice(notice, "SMS_FAILED", id, null, null).status()).isEqualTo(202);
        JsonNode filing = api.awaitStatus("alice", id, "RETURNED");
        JsonNode reason = filing.get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("SMS_VERIFICATION_FAILED");
        assertThat(reason.get("rule").asText()).isEqualTo("SMS_VERIFICATION_2020");
        assertThat(reason.get("message").asText()).contains("工信部短信核验");
        assertThat(api.notice(notice, "SMS_FAILED", id, null, null).status()).isEqualTo(200);
        assertThat(api.notice("SMS_FAILED", id, null, null).status()).isEqualTo(409);
        Http.Response noFiling = api.notice("SMS_FAILED", null, null, null);
        assertThat(noFiling.status()).isEqualTo(400);
        assertThat(noFiling.json().get("errors").get(0).get("field").asText()).isEqualTo("filingId");
        // the webhook's contract lists the type
        assertThat(api.http().get(null, "/v3/api-docs").body()).contains("SMS_FAILED");
    }

    @Test
    void aNewCodeIsSentToThePrincipalsOnlyWhileTheCheckRuns() {
        String id = inSmsVerification(TestData.enterprise());
        Http.Response resent = api.http().post("alice", "/api/filings/" + id + "/sms-resend", null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        assertThat(resent.json().get("sentTo")).extracting(JsonNode::asText).containsExactly("SUBJECT_PRINCIPAL", "WEBSITE_PRINCIPAL");
        assertThat(jdbc.sql("select payload from regulator_submission where filing_id = ? and payload like ?")
                .params(id, "%SMS_RESEND%").query(String.class).list()).hasSize(1);
        assertThat(api.http().post("bob", "/api/filings/" + id + "/sms-resend", null).status()).isEqualTo(404);
        api.notice("SMS_VERIFIED", id, null, null);
        api.awaitStatus("alice", id, "CA_REVIEW");
        Http.Response late = api.http().post("alice", "/api/filings/" + id + "/sms-resend", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("NOT_IN_SMS_VERIFICATION");
    }

    @Test
    void aNewWebsiteIsVerifiedByItsPrincipalOnly() {
        FilingApplication first = TestData.enterprise();
        String filed = api.apply("alice", first);
        api.driveToActive("alice", filed, TestData.newSubjectNumber());
        FilingApplication website = new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", first.subject(),
                TestData.enterprise().websites(), null, null);
        String id = inSmsVerificationOf(api.apply("alice", website));
        assertThat(jdbc.sql("select payload from regulator_submission where filing_id = ?").param(id).query(String.class).single())
                .contains("\"smsPrincipals\":[\"WEBSITE_PRINCIPAL\"]");
    }

    private String inSmsVerification(FilingApplication app) {
        return inSmsVerificationOf(api.apply("alice", app));
    }

    private String inSmsVerificationOf(String id) {
        api.awaitStatus("alice", id, "PROVIDER_REVIEW");
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        return id;
    }
}
