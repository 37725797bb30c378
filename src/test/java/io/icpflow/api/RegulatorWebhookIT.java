package io.icpflow.api;

import io.icpflow.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The regulator webhook: 202 applied once, 200 for a duplicate with no second effect, 409 unmatched and kept. */
@ApiTest
class RegulatorWebhookIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @Test
    void duplicateNoticeIsAnsweredButNotAppliedTwice() {
        String id = api.apply("alice", TestData.enterprise());
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        String notice = "n-" + UUID.randomUUID();
        assertThat(api.notice(notice, "SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        assertThat(api.notice(notice, "SMS_VERIFIED", id, null, null).status()).isEqualTo(200);
        String approval = "n-" + UUID.randomUUID();
        assertThat(api.notice(approval, "FILING_APPROVED", id, "浙ICP备2026077001号", null).status()).isEqualTo(202);
        Http.Response again = api.notice(approval, "FILING_APPROVED", id, "浙ICP备2026077001号", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(api.filing("alice", id).get("timeline")).extracting(t -> t.get("status").asText())
                .containsOnlyOnce("CA_REVIEW", "APPROVED");
        assertThat(jdbc.sql("select count(*) from icp_website where filing_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void duplicateRejectionAndSyncAreNotAppliedTwice() {
        String rejectedId = api.apply("alice", TestData.enterprise());
        api.review(rejectedId, "APPROVE", "");
        api.awaitStatus("alice", rejectedId, "SMS_VERIFICATION");
        api.notice("SMS_VERIFIED", rejectedId, null, null);
        String rejection = "n-" + UUID.randomUUID();
        assertThat(api.notice(rejection, "FILING_REJECTED", rejectedId, null, "名称不规范").status()).isEqualTo(202);
        assertThat(api.notice(rejection, "FILING_REJECTED", rejectedId, null, "名称不规范").status()).isEqualTo(200);
        assertThat(api.filing("alice", rejectedId).get("timeline")).extracting(t -> t.get("status").asText()).containsOnlyOnce("CA_REJECTED");

        String syncedId = api.apply("alice", TestData.enterprise());
        api.review(syncedId, "APPROVE", "");
        api.awaitStatus("alice", syncedId, "SMS_VERIFICATION");
        api.notice("SMS_VERIFIED", syncedId, null, null);
        api.notice("FILING_APPROVED", syncedId, "浙ICP备2026077002号", null);
        String sync = "n-" + UUID.randomUUID();
        assertThat(api.notice(sync, "FILING_SYNCED", syncedId, null, null).status()).isEqualTo(202);
        assertThat(api.notice(sync, "FILING_SYNCED", syncedId, null, null).status()).isEqualTo(200);
        assertThat(api.filing("alice", syncedId).get("timeline")).extracting(t -> t.get("status").asText()).containsOnlyOnce("ACTIVE");
    }

    @Test
    void noticeThatFitsNoWaitingFilingIs409AndKept() {
        String notice = "n-" + UUID.randomUUID();
        Http.Response response = api.notice(notice, "FILING_APPROVED", UUID.randomUUID().toString(), "浙ICP备2026000001号", null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("NOTICE_UNMATCHED");
        assertThat(jdbc.sql("select outcome from regulator_notice where notification_id = ?").param(notice).query(String.class).single())
                .isEqualTo("UNMATCHED");
        // the same notice again is a duplicate of the kept one
        assertThat(api.notice(notice, "FILING_APPROVED", UUID.randomUUID().toString(), "浙ICP备2026000001号", null).status()).isEqualTo(200);
    }

    @Test
    void noticeThatOvertakesTheSubmissionJobIsAppliedOnceTheFilingWaits() {
        String id = api.apply("alice", TestData.enterprise());
        api.review(id, "APPROVE", "");
        // no wait for SMS_VERIFICATION: the submission job may still be running
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("CA_REVIEW");
    }

    @Test
    void lateNoticeForAFilingPastThatStepIs409() {
        String id = api.apply("alice", TestData.enterprise());
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(409);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void malformedNoticesAre400AndNotKept() {
        String notice = "n-" + UUID.randomUUID();
        Http.Response noType = api.http().post("regulator", "/api/regulator/notifications", "{\"notificationId\":\"" + notice + "\"}");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().get("errors").get(0).get("field").asText()).isEqualTo("type");
        assertThat(api.notice(notice, "FILING_APPROVED", UUID.randomUUID().toString(), null, null).status()).isEqualTo(400);
        assertThat(api.http().post("regulator", "/api/regulator/notifications", "{\"type\":\"BOGUS\"}").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from regulator_notice where notification_id = ?").param(notice).query(Long.class).single()).isZero();
    }
}
