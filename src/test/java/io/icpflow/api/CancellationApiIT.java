package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancellations over HTTP: each type to CANCELLED with its emails, and the refusals. */
@ApiTest
class CancellationApiIT {

    @Autowired ApiDriver api;

    @ParameterizedTest
    @EnumSource(value = FilingType.class, names = {"CANCEL_SUBJECT", "CANCEL_WEBSITE", "CANCEL_ACCESS"})
    void eachTypeEndsCancelled(FilingType type) {
        FilingApplication app = TestData.enterprise();
        String subjectNumber = activeFiling(app);
        String domain = app.websites().get(0).domains().get(0);
        String number = type == FilingType.CANCEL_SUBJECT ? subjectNumber : TestData.websiteNumber(subjectNumber, 1);

        String id = api.applyAwaitingVerification("alice", TestData.cancellation(type, app.subject(), number, domain));
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        // cancellations are not identity-verified (rules/identity-verification.json)
        assertThat(api.filing("alice", id).get("verification").get("sessions")).isEmpty();
        api.review(id, "APPROVE", "");
        if (type == FilingType.CANCEL_ACCESS) {
            api.awaitStatus("alice", id, "CA_REVIEW");
        } else {
            api.awaitStatus("alice", id, "SMS_VERIFICATION");
            assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        }
        assertThat(api.notice("FILING_APPROVED", id, number, null).status()).isEqualTo(202);
        JsonNode cancelled = api.awaitStatus("alice", id, "CANCELLED");
        assertThat(cancelled.get("type").asText()).isEqualTo(type.name());
        assertThat(cancelled.get("icpNumber").asText()).isEqualTo(number);
        List<MimeMessage> mails = api.awaitMails(id, type == FilingType.CANCEL_ACCESS ? 4 : 5);
        assertThat(mails).hasSize(type == FilingType.CANCEL_ACCESS ? 4 : 5);
        assertThat(mails).extracting(ApiDriver::subject).anySatisfy(s -> assertThat(s).contains("CANCELLED"));
        // the domain is free again: a new filing of it is not ALREADY_FILED
        String again = api.apply("bob", TestData.enterprise(domain));
        assertThat(api.filing("bob", again).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void noticesThatBelongToAnotherFilingTypeAreKeptNotApplied() {
        FilingApplication app = TestData.enterprise();
        String subjectNumber = activeFiling(app);
        String id = api.apply("alice", TestData.cancellation(FilingType.CANCEL_ACCESS, app.subject(), TestData.websiteNumber(subjectNumber, 1),
                app.websites().get(0).domains().get(0)));
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "CA_REVIEW");
        // a CANCEL_ACCESS has no SMS step, and a cancellation never waits for FILING_SYNCED
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(409);
        assertThat(api.notice("FILING_SYNCED", id, null, null).status()).isEqualTo(409);
        JsonNode waiting = api.filing("alice", id);
        assertThat(waiting.get("status").asText()).isEqualTo("CA_REVIEW");
        assertThat(waiting.get("timeline")).extracting(t -> t.get("status").asText()).doesNotContain("SMS_VERIFICATION", "ACTIVE");
        assertThat(api.notice("FILING_APPROVED", id, TestData.websiteNumber(subjectNumber, 1), null).status()).isEqualTo(202);
        api.awaitStatus("alice", id, "CANCELLED");
        assertThat(api.notice("FILING_SYNCED", id, null, null).status()).isEqualTo(409);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void refusalsAreCodedReasons() {
        FilingApplication app = TestData.enterprise();
        String subjectNumber = activeFiling(app);

        String notOurs = api.apply("alice", TestData.cancellation(FilingType.CANCEL_WEBSITE, TestData.enterprise().subject(), "浙ICP备2098000001号-1"));
        assertThat(reasonCode(notOurs)).isEqualTo("NUMBER_NOT_OURS");

        String stillConnected = api.apply("alice", TestData.cancellation(FilingType.CANCEL_SUBJECT, app.subject(), subjectNumber));
        assertThat(reasonCode(stillConnected)).isEqualTo("WEBSITES_STILL_ACCESSED");
        assertThat(api.filing("alice", stillConnected).get("reasons").get(0).get("message").asText()).contains(TestData.websiteNumber(subjectNumber, 1));
        api.http().post("alice", "/api/filings/" + stillConnected + "/withdrawal", null);

        String first = api.apply("alice", TestData.cancellation(FilingType.CANCEL_ACCESS, app.subject(), TestData.websiteNumber(subjectNumber, 1)));
        String second = api.apply("alice", TestData.cancellation(FilingType.CANCEL_ACCESS, app.subject(), TestData.websiteNumber(subjectNumber, 1)));
        assertThat(api.filing("alice", first).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(reasonCode(second)).isEqualTo("CANCELLATION_IN_PROGRESS");

        Http.Response noReason = api.http().post("alice", "/api/filings", api.json("alice", new FilingApplication(FilingType.CANCEL_WEBSITE,
                "zh-CN", app.subject(), List.of(), TestData.websiteNumber(subjectNumber, 1), null)));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }

    private String reasonCode(String id) {
        JsonNode filing = api.filing("alice", id);
        assertThat(filing.get("status").asText()).isEqualTo("RETURNED");
        return filing.get("reasons").get(0).get("code").asText();
    }

    /** Files {@code app} for alice and drives it to ACTIVE under a fresh subject number, which it returns. */
    private String activeFiling(FilingApplication app) {
        String subjectNumber = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), subjectNumber);
        return subjectNumber;
    }
}
