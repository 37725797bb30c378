package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.icpflow.IcpApplication;
import io.icpflow.OwnJvm;
import io.icpflow.TestData;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole app with its mail server down while a filing passes its milestones: the filing goes on,
 * every mail is retried, each runs out into an incident that operations see (the REST API behind
 * Cockpit), and once SMTP is back and the jobs are retried, each mail arrives exactly once.
 */
@OwnJvm
class MailOutageIT {

    private static final int SMTP_PORT = 3031;

    @TempDir
    Path dataDir;

    @Test
    void milestonesDuringAnSmtpOutageAreMailedExactlyOnceAfterRecovery() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IcpApplication.class).run(
                "--server.port=0",
                "--icp.data-dir=" + dataDir,
                "--icp.regulator.simulator.enabled=false", "--icp.resources.demo-instances=100", "--icp.limits.enabled=false",
                "--spring.mail.port=" + SMTP_PORT,
                "--icp.mail.retry-cycle=R2/PT1S",
                "--icp.verification.simulator.delay=PT0.5S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200")) {
            Http http = new Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

            // SMTP is down: the filing still moves through two milestones
            Http.Response created = http.post("alice", "/api/filings", http.json("alice", TestData.enterprise()));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http, id), "PROVIDER_REVIEW"::equals);
            JsonNode task = http.get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id).json().get(0);
            assertThat(http.post("reviewer", "/engine-rest/task/" + task.get("id").asText() + "/complete",
                    ApiDriver.reviewBody("APPROVE", ""))).extracting(Http.Response::status)
                    .isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http, id), "SMS_VERIFICATION"::equals);
            int milestones = http.get("alice", "/api/filings/" + id).json().get("timeline").size();
            assertThat(milestones).isGreaterThanOrEqualTo(2);

            // each mail job tries 3 times, then stops with an incident operations can see
            await().atMost(Duration.ofSeconds(60)).until(() -> incidents(http).size() == milestones);
            assertThat(incidents(http)).allSatisfy(incident -> {
                assertThat(incident.get("incidentType").asText()).isEqualTo("failedJob");
                assertThat(incident.get("incidentMessage").asText()).contains("Mail server connection failed");
            });
            assertThat(http.get("analyst", "/engine-rest/incident").json()).hasSize(milestones);

            // SMTP is back; operations retry each failed job, as Cockpit's "retry" does
            smtp.start();
            for (JsonNode incident : incidents(http)) {
                assertThat(http.put("ops", "/engine-rest/job/" + incident.get("configuration").asText() + "/retries",
                        "{\"retries\":1}").status()).isEqualTo(204);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsFor(smtp, id).size() == milestones);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mailsFor(smtp, id).size() == milestones);
            assertThat(mailsFor(smtp, id)).extracting(MailOutageIT::subject).doesNotHaveDuplicates();
            assertThat(incidents(http)).isEmpty();
            assertThat(status(http, id)).isEqualTo("SMS_VERIFICATION");
        } finally {
            smtp.stop();
        }
    }

    private static String status(Http http, String id) {
        return http.get("alice", "/api/filings/" + id).json().get("status").asText();
    }

    private static List<JsonNode> incidents(Http http) {
        JsonNode all = http.get("ops", "/engine-rest/incident?processDefinitionKeyIn=mailDelivery").json();
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    private static List<MimeMessage> mailsFor(GreenMail smtp, String filingId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(filingId)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
