package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.IcpApplication;
import io.icpflow.OwnJvm;
import io.icpflow.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo's H2 file database: a filing and its process survive a restart and go on from where they were. */
@OwnJvm
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void filingAndProcessSurviveARestart() {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            Http.Response created = http.post("alice", "/api/filings", http.json("alice", TestData.enterprise()));
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asText();
            // stopped before the verification simulator answers (its agenda is in the database)
            assertThat(created.json().get("status").asText()).isEqualTo("IDENTITY_VERIFICATION");
            assertThat(http.get("alice", "/api/materials").json()).isNotEmpty();
        }
        assertThat(Files.exists(dataDir.resolve("icp.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Http http = http(second);
            // the results due meanwhile arrive after the restart
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> http.get("alice", "/api/filings/" + id).json().get("status").asText(), "PROVIDER_REVIEW"::equals);
            // the uploads are in the database file too: the same bytes, by their SHA-256
            JsonNode upload = http.get("alice", "/api/materials").json().get(0);
            Http.Response bytes = http.get("alice", "/api/materials/" + upload.get("id").asText());
            assertThat(bytes.status()).isEqualTo(200);
            assertThat(bytes.header("Digest")).isEqualTo("sha-256=" + upload.get("sha256").asText());
            JsonNode tasks = http.get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=providerReview").json();
            assertThat(tasks).hasSize(1);
            Http.Response done = http.post("reviewer", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                    ApiDriver.reviewBody("APPROVE", ""));
            assertThat(done.status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> http.get("alice", "/api/filings/" + id).json().get("status").asText(), "SMS_VERIFICATION"::equals);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IcpApplication.class).run(
                "--server.port=0",
                "--icp.data-dir=" + dataDir,
                "--icp.regulator.simulator.enabled=false", "--icp.resources.demo-instances=100", "--icp.limits.enabled=false",
                "--spring.mail.port=1", "--icp.verification.simulator.delay=PT3S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
