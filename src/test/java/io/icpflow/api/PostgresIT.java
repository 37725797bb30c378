package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.OwnJvm;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production database: the same journey on a real PostgreSQL (embedded, started by the test),
 * schema made by Camunda and by our Flyway migrations.
 */
@OwnJvm
@ExtendWith(PostgresIT.StopPostgresLast.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "icp.regulator.simulator.enabled=false",
        "icp.verification.simulator.enabled=false",
        "icp.registry.fixture=src/test/resources/fixtures/domains.json",
        "icp.resources.demo-instances=100",
        "icp.limits.enabled=false",
        "spring.mail.port=1",
        "camunda.bpm.job-execution.wait-time-in-millis=200"
})
class PostgresIT {

    private static final EmbeddedPostgres POSTGRES = start();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "postgres");
    }

    /**
     * PostgreSQL stops after the context has closed (@DirtiesContext, in Spring's after-all, which runs
     * before this one's): left to the JVM's shutdown, the engine's last metrics report waited for a
     * connection to the stopped database and the fork was killed.
     */
    static class StopPostgresLast implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            POSTGRES.close();
        }
    }

    @Test
    void filingReachesActiveOnPostgres() {
        Http http = new Http(port);
        Http.Response created = http.post("alice", "/api/filings", http.json("alice", TestData.enterprise()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        // the verification service's results, each once
        assertThat(created.json().get("status").asText()).isEqualTo("IDENTITY_VERIFICATION");
        for (JsonNode session : created.json().get("verification").get("sessions")) {
            String body = Http.json(java.util.Map.of("resultId", "r-" + session.get("id").asText(), "sessionId", session.get("id").asText(),
                    "passed", true));
            assertThat(http.post("verifier", "/api/verification/results", body).status()).isEqualTo(202);
            assertThat(http.post("verifier", "/api/verification/results", body).status()).isEqualTo(200);
        }
        assertThat(http.get("alice", "/api/filings/" + id).json().get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        JsonNode task = http.get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id).json().get(0);
        assertThat(http.post("reviewer", "/engine-rest/task/" + task.get("id").asText() + "/complete",
                ApiDriver.reviewBody("APPROVE", "")).status()).isEqualTo(204);
        assertThat(notice(http, "SMS_VERIFIED", id, null)).isEqualTo(202);
        assertThat(notice(http, "FILING_APPROVED", id, "浙ICP备2026031415号")).isEqualTo(202);
        String duplicate = "n-" + UUID.randomUUID();
        assertThat(notice(http, duplicate, "FILING_SYNCED", id, null)).isEqualTo(202);
        assertThat(notice(http, duplicate, "FILING_SYNCED", id, null)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("alice", "/api/filings/" + id).json().get("status").asText(), "ACTIVE"::equals);
        assertThat(http.get("alice", "/api/filings/" + id).json().get("websites").get(0).get("icpNumber").asText()).isEqualTo("浙ICP备2026031415号-1");
    }

    @Test
    void preCheckFailureAndNotRequiredOnPostgres() {
        Http http = new Http(port);
        JsonNode returned = http.post("alice", "/api/filings", http.json("alice", TestData.enterprise("expired-domain.cn"))).json();
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("reasons").get(0).get("code").asText()).isEqualTo("DOMAIN_EXPIRED");
        JsonNode overseas = http.post("alice", "/api/filings", http.json("alice", TestData.withRegion(TestData.enterprise(), "us-west-1"))).json();
        assertThat(overseas.get("status").asText()).isEqualTo("NOT_REQUIRED");
    }

    /** Two applications racing for one service number on PostgreSQL: exactly one holds it (one conditional update). */
    @Test
    void ofTwoApplicationsRacingForOneServiceNumberExactlyOneHoldsIt() {
        Http http = new Http(port);
        String number = http.serviceNumber("alice");
        List<CompletableFuture<Http.Response>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            FilingApplication app = TestData.enterprise();
            String body = Http.json(http.withMaterials("alice", app.withWebsites(List.of(app.websites().get(0).withServiceNumber(number)))));
            racing.add(CompletableFuture.supplyAsync(() -> http.post("alice", "/api/filings", body)));
        }
        List<String> outcomes = racing.stream().map(CompletableFuture::join).map(r -> r.json().get("status").asText()
                + (r.json().get("reasons").isEmpty() ? "" : ":" + r.json().get("reasons").get(0).get("code").asText())).toList();
        assertThat(outcomes).containsExactlyInAnyOrder("IDENTITY_VERIFICATION", "RETURNED:SERVICE_NUMBER_USED");
    }

    /** A material's bytes in PostgreSQL's bytea, byte for byte, with their SHA-256; the same checks refuse what they refuse on H2. */
    @Test
    void materialsAreStoredInPostgres() {
        Http http = new Http(port);
        Http.Response uploaded = http.upload("alice", "COMMITMENT_VIDEO", null, "promise.mp4", TestData.MP4, "video/mp4");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        Http.Response bytes = http.get("alice", "/api/materials/" + uploaded.json().get("id").asText());
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(bytes.header("Content-Length")).isEqualTo(String.valueOf(TestData.MP4.length));
        assertThat(bytes.header("Digest")).isEqualTo("sha-256=" + uploaded.json().get("sha256").asText());
        assertThat(http.upload("alice", "COMMITMENT_VIDEO", null, "promise.mp4", TestData.PNG, "video/mp4").status()).isEqualTo(415);
    }

    private static int notice(Http http, String type, String filingId, String icpNumber) {
        return http.notice(type, filingId, icpNumber).status();
    }

    private static int notice(Http http, String notificationId, String type, String filingId, String icpNumber) {
        return http.notice(notificationId, type, filingId, icpNumber, null, null).status();
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
