package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over HTTP with real mail: the expired-domain proposal (001) goes out once; an invalid filing (004)
 * is remedied when the domain resolves to us again, and loses its access when the window is over.
 * Timers run through {@code /engine-rest/job/{id}/execute}, as an operator would.
 */
@ApiTest
class ExpiryAndRemediationApiIT {

    @Autowired ApiDriver api;

    @AfterEach
    void reset() throws IOException {
        ClockUtil.reset();
        Files.deleteIfExists(Path.of(ApiTestConfiguration.RESOLUTION_FIXTURE));
    }

    @Test
    void expiredDomainIsProposedForDeregistrationOnce() {
        String id = api.apply("alice", TestData.enterprise("expires-soon-2.cn"));
        api.driveToActive("alice", id, number());
        int before = api.awaitMails(id, 6).size();

        // the registry's expiry date (2027-01-31) has passed
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2027-02-03T10:00:00+08:00").toInstant()));
        runMonitor();
        runMonitor();
        ClockUtil.reset();
        // moving the clock also lets the 20-day Public Security reminder fall due: count the proposals
        List<MimeMessage> mails = api.awaitMails(id, before + 1);
        assertThat(mails).filteredOn(m -> MailText.of(m).contains("CANCEL_WEBSITE") && MailText.of(m).contains("expires-soon-2.cn"))
                .hasSize(1);
        assertThat(api.http().get("ops", "/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=expiredDomainFollowUp")
                .json()).hasSize(1);
    }

    @Test
    void invalidFilingRemediedWhenTheDomainPointsBack() throws IOException {
        Invalid invalid = invalidFiling();
        executeTimer(invalid.filingId(), "Event_NextCheck");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.mailsAbout(invalid.filingId()).stream()
                .anyMatch(m -> ApiDriver.subject(m).contains("提醒")));
        assertThat(api.filing("alice", invalid.filingId()).get("status").asText()).isEqualTo("REMEDIATION_REQUIRED");

        resolve(invalid.domain(), true);
        executeTimer(invalid.filingId(), "Event_NextCheck");
        JsonNode remedied = api.awaitStatus("alice", invalid.filingId(), "ACTIVE");
        assertThat(remedied.get("reasons")).isEmpty();
        assertThat(api.awaitMails(invalid.filingId(), 9)).extracting(ApiDriver::subject)
                .filteredOn(s -> s.contains("ACTIVE")).hasSize(2);
    }

    @Test
    void invalidFilingNotRemediedLosesItsAccess() throws IOException {
        Invalid invalid = invalidFiling();
        executeTimer(invalid.filingId(), "Event_WindowOver");
        JsonNode cancelled = api.awaitStatus("alice", invalid.filingId(), "CANCELLED");
        assertThat(cancelled.get("reasons").get(0).get("code").asText()).isEqualTo("ACCESS_CANCELLED_NOT_REMEDIED");
        JsonNode check = api.http().post("alice", "/api/access-checks",
                "{\"domain\":\"" + invalid.domain() + "\",\"product\":\"CDN\"}").json();
        assertThat(check.get("outcome").asText()).isEqualTo("NOT_FILED");
    }

    private record Invalid(String filingId, String domain) {
    }

    private Invalid invalidFiling() throws IOException {
        FilingApplication app = TestData.enterprise();
        String id = api.apply("alice", app);
        String number = number();
        api.driveToActive("alice", id, number);
        String domain = app.websites().get(0).domains().get(0);
        resolve(domain, false);
        Http.Response notice = api.notice("n-" + UUID.randomUUID(), "FILING_INVALID", null, number, null);
        assertThat(notice.status()).as("FILING_INVALID needs the domain").isEqualTo(400);
        assertThat(api.http().notice("n-" + UUID.randomUUID(), "FILING_INVALID", null, number, domain, null).status()).isEqualTo(202);
        api.awaitStatus("alice", id, "REMEDIATION_REQUIRED");
        return new Invalid(id, domain);
    }

    private void resolve(String domain, boolean pointsToUs) throws IOException {
        Path file = Path.of(ApiTestConfiguration.RESOLUTION_FIXTURE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[{\"domain\":\"" + domain + "\",\"pointsToUs\":" + pointsToUs + "}]");
    }

    private void executeTimer(String businessKey, String activityId) {
        for (JsonNode instance : api.http().get("admin", "/engine-rest/process-instance?businessKey=" + businessKey).json()) {
            for (JsonNode job : api.http().get("admin", "/engine-rest/job?timers=true&activityId=" + activityId
                    + "&processInstanceId=" + instance.get("id").asText()).json()) {
                assertThat(api.http().post("admin", "/engine-rest/job/" + job.get("id").asText() + "/execute", null).status()).isEqualTo(204);
                return;
            }
        }
        throw new AssertionError("no timer " + activityId + " for " + businessKey);
    }

    /** The monitor's daily timer and its async step, run now through the REST API. */
    private void runMonitor() {
        JsonNode timer = api.http().get("admin", "/engine-rest/job?timers=true&processDefinitionKey=expiryMonitor").json();
        assertThat(timer).hasSize(1);
        assertThat(api.http().post("admin", "/engine-rest/job/" + timer.get(0).get("id").asText() + "/execute", null).status()).isEqualTo(204);
        for (JsonNode step : api.http().get("admin", "/engine-rest/job?messages=true&processDefinitionKey=expiryMonitor").json()) {
            api.http().post("admin", "/engine-rest/job/" + step.get("id").asText() + "/execute", null);
        }
    }

    private static String number() {
        return TestData.newSubjectNumber();
    }
}
