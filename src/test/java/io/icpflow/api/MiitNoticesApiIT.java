package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** MIIT's notices over the webhook: applied once, duplicates answered 200, unmatched ones 409 (004). */
@ApiTest
class MiitNoticesApiIT {

    @Autowired ApiDriver api;

    @Test
    void numberCancelledReachesTheApplicantOnce() {
        FilingApplication app = TestData.enterprise();
        String id = api.apply("alice", app);
        String number = number();
        api.driveToActive("alice", id, number);
        String notice = "n-" + UUID.randomUUID();
        assertThat(post(notice, "ICP_NUMBER_CANCELLED", TestData.websiteNumber(number, 1), null).status()).isEqualTo(202);
        assertThat(post(notice, "ICP_NUMBER_CANCELLED", TestData.websiteNumber(number, 1), null).status()).isEqualTo(200);
        JsonNode cancelled = api.awaitStatus("alice", id, "CANCELLED");
        assertThat(cancelled.get("reasons").get(0).get("code").asText()).isEqualTo("NUMBER_CANCELLED_BY_MIIT");
        assertThat(api.awaitMails(id, 8)).hasSize(8);
    }

    @Test
    void invalidFilingStartsARemediation() {
        FilingApplication app = TestData.enterprise();
        String id = api.apply("alice", app);
        String number = number();
        api.driveToActive("alice", id, number);
        String domain = app.websites().get(0).domains().get(0);
        String notice = "n-" + UUID.randomUUID();
        assertThat(post(notice, "FILING_INVALID", number, domain).status()).isEqualTo(202);
        assertThat(post(notice, "FILING_INVALID", number, domain).status()).isEqualTo(200);
        JsonNode flagged = api.awaitStatus("alice", id, "REMEDIATION_REQUIRED");
        assertThat(flagged.get("reasons").get(0).get("message").asText()).contains(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMS_VERIFIED", "FILING_APPROVED", "FILING_REJECTED", "FILING_SYNCED", "ICP_NUMBER_CANCELLED", "FILING_INVALID"})
    void unmatchedNoticeOfEveryTypeIsKept(String type) {
        String notice = "n-" + UUID.randomUUID();
        Http.Response first = post(notice, type, "浙ICP备2097000001号-1", TestData.domain(), UUID.randomUUID().toString(), "理由");
        assertThat(first.status()).as(first.body()).isEqualTo(409);
        assertThat(post(notice, type, "浙ICP备2097000001号-1", TestData.domain(), UUID.randomUUID().toString(), "理由").status()).isEqualTo(200);
    }

    private Http.Response post(String id, String type, String icpNumber, String domain) {
        return post(id, type, icpNumber, domain, null, null);
    }

    private Http.Response post(String id, String type, String icpNumber, String domain, String filingId, String reason) {
        return api.http().notice(id, type, filingId, icpNumber, domain, reason);
    }

    private static String number() {
        return TestData.newSubjectNumber();
    }
}
