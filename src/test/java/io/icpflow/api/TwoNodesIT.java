package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.icpflow.IcpApplication;
import io.icpflow.OwnJvm;
import io.icpflow.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes, one PostgreSQL, both job executors on: filings started on either node reach ACTIVE,
 * every timer, async job and mail runs once, the same notice posted to both nodes at once is applied once.
 */
@OwnJvm
class TwoNodesIT {

    private static final int FILINGS = 6;
    private static final int SMTP_PORT = 3031;

    @Test
    void twoNodesShareTheWorkAndDoEachThingOnce() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext a = node(postgres, "default");
             ConfigurableApplicationContext b = node(postgres, "nodeB")) {
            Http nodeA = http(a);
            Http nodeB = http(b);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < FILINGS; i++) {
                Http node = i % 2 == 0 ? nodeA : nodeB;
                Http.Response created = node.post("alice", "/api/filings", node.json("alice", TestData.enterprise()));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                ids.add(created.json().get("id").asText());
            }
            // both nodes' verification simulators deliver the same results: each applied once
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(30)).until(() -> status(nodeA, id), "PROVIDER_REVIEW"::equals);
            }
            // each review's business-day timer made due at once: both executors see it, one fires it
            for (String id : ids) {
                String instance = nodeA.get("admin", "/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey=providerStage")
                        .json().get(0).get("id").asText();
                JsonNode timer = nodeA.get("admin", "/engine-rest/job?timers=true&activityId=Event_ReviewOverdue&processInstanceId=" + instance).json();
                assertThat(timer).hasSize(1);
                assertThat(nodeB.put("admin", "/engine-rest/job/" + timer.get(0).get("id").asText() + "/duedate",
                        "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}").status()).isEqualTo(204);
            }
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(30)).until(() -> escalations(nodeA, id).size() == 1);
                JsonNode escalation = escalations(nodeA, id).get(0);
                assertThat(nodeB.post("ops", "/engine-rest/task/" + escalation.get("id").asText() + "/complete",
                        "{\"variables\":{\"escalationNote\":{\"value\":\"reviewer reminded\"}}}").status()).isEqualTo(204);
            }
            for (String id : ids) {
                assertThat(nodeA.get("admin", "/engine-rest/history/task/count?taskDefinitionKey=reviewOverdue&processInstanceBusinessKey=" + id)
                        .json().get("count").asInt()).isEqualTo(1);
            }
            for (String id : ids) {
                JsonNode task = nodeA.get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id).json().get(0);
                assertThat(nodeA.post("reviewer", "/engine-rest/task/" + task.get("id").asText() + "/complete",
                        "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}").status()).isEqualTo(204);
            }
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(60)).until(() -> status(nodeB, id), "SMS_VERIFICATION"::equals);
                // the same notice to both nodes at once: applied once
                List<Integer> answers = bothAtOnce(nodeA, nodeB, notice("SMS_VERIFIED", id, null));
                assertThat(answers).containsExactlyInAnyOrder(202, 200);
                assertThat(notice(nodeB, "FILING_APPROVED", id, TestData.subjectNumber(2026, ids.indexOf(id) + 500000))).isEqualTo(202);
                assertThat(bothAtOnce(nodeA, nodeB, notice("FILING_SYNCED", id, null))).containsExactlyInAnyOrder(202, 200);
            }
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(60)).until(() -> status(nodeA, id), "ACTIVE"::equals);
                assertThat(nodeB.get("alice", "/api/filings/" + id).json().get("timeline")).extracting(t -> t.get("status").asText())
                        .containsExactly("SUBMITTED", "IDENTITY_VERIFICATION", "PROVIDER_REVIEW", "SMS_VERIFICATION", "CA_REVIEW",
                                "APPROVED", "ACTIVE");
            }
            JdbcClient db = a.getBean(JdbcClient.class);
            assertThat(db.sql("select count(*) from verification_result where outcome = 'APPLIED'").query(Long.class).single())
                    .isEqualTo(FILINGS * 2);
            // seven milestones each, each mail sent once although both nodes run the mail jobs
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    db.sql("select count(*) from mail_outbox where status = 'SENT'").query(Long.class).single() == FILINGS * 7
                            && db.sql("select count(*) from mail_outbox").query(Long.class).single() == FILINGS * 7);
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(FILINGS * 7);
            for (String id : ids) {
                assertThat(Arrays.stream(mails).filter(m -> ApiDriver.subject(m).contains(id))).hasSize(7);
            }
        } finally {
            smtp.stop();
        }
    }

    private static List<Integer> bothAtOnce(Http a, Http b, String body) throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> a.post("regulator", "/api/regulator/notifications", body).status());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> b.post("regulator", "/api/regulator/notifications", body).status());
        return List.of(first.get(), second.get());
    }

    private static int notice(Http node, String type, String filingId, String icpNumber) {
        return node.notice(type, filingId, icpNumber).status();
    }

    private static String notice(String type, String filingId, String icpNumber) {
        return Http.noticeBody("n-" + UUID.randomUUID(), type, filingId, icpNumber, null, null);
    }

    private static JsonNode escalations(Http node, String id) {
        return node.get("ops", "/engine-rest/task?taskDefinitionKey=reviewOverdue&processInstanceBusinessKey=" + id).json();
    }

    private static String status(Http node, String id) {
        return node.get("alice", "/api/filings/" + id).json().get("status").asText();
    }

    private static ConfigurableApplicationContext node(EmbeddedPostgres postgres, String engineName) {
        return new SpringApplicationBuilder(IcpApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--icp.regulator.simulator.enabled=false", "--icp.resources.demo-instances=100", "--icp.limits.enabled=false",
                "--icp.verification.simulator.delay=PT0.5S", "--icp.verification.simulator.tick=PT0.2S",
                "--spring.mail.port=" + SMTP_PORT);
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
