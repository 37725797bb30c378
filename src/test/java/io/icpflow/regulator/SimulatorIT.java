package io.icpflow.regulator;

import io.icpflow.OwnJvm;
import io.icpflow.TestData;
import io.icpflow.api.ApiDriver;
import io.icpflow.api.Http;
import io.icpflow.filing.FilingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's simulated CA and MIIT: after the reviewer's approval, a filing reaches ACTIVE by itself;
 * a domain on the rejection list is rejected with the configured reason. The demo's verification
 * service passes the principals before the review, by itself too.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:simulator-tests;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "icp.regulator.simulator.enabled=true",
        "icp.registry.fixture=src/test/resources/fixtures/domains.json",
        "icp.resources.demo-instances=100",
        "icp.limits.enabled=false",
        "icp.regulator.simulator.sms-delay=PT1S",
        "icp.regulator.simulator.decision-delay=PT1S",
        "icp.regulator.simulator.sync-delay=PT1S",
        "icp.regulator.simulator.tick=PT0.5S",
        "icp.verification.simulator.delay=PT1S",
        "icp.verification.simulator.tick=PT0.5S",
        "icp.regulator.simulator.rejections.rejected-by-simulator.cn=网站名称不规范",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "spring.mail.port=1"
})
class SimulatorIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @Test
    void simulatedRegulatorTakesAnApprovedFilingToActive() {
        Http http = new Http(port);
        assertThat(context.getBeansOfType(RegulatorGateway.class).values()).hasExactlyElementsOfTypes(SimulatedRegulator.class);
        String id = http.post("alice", "/api/filings", http.json("alice", TestData.enterprise())).json().get("id").asText();
        approve(http, id);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(http, id), "ACTIVE"::equals);
        var filing = http.get("alice", "/api/filings/" + id).json();
        assertThat(filing.get("timeline")).extracting(t -> t.get("status").asText())
                .containsSubsequence("SUBMITTED", "IDENTITY_VERIFICATION", "PROVIDER_REVIEW");
        assertThat(filing.get("verification").get("sessions")).extracting(s -> s.get("status").asText()).containsOnly("PASSED");
        assertThat(filing.get("icpNumber").asText()).matches("浙ICP备2026\\d{6}号");
        assertThat(filing.get("websites").get(0).get("icpNumber").asText()).endsWith("号-1");
    }

    @Test
    void configuredRejectionIsDecidedByTheSimulator() {
        Http http = new Http(port);
        FilingApplication app = TestData.enterprise("rejected-by-simulator.cn");
        String id = http.post("alice", "/api/filings", http.json("alice", app)).json().get("id").asText();
        approve(http, id);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(http, id), "CA_REJECTED"::equals);
        assertThat(http.get("alice", "/api/filings/" + id).json().get("reasons").get(0).get("message").asText()).contains("网站名称不规范");
    }

    @Test
    void transferKeepsItsNumberAndCancelAccessSkipsTheSms() {
        Http http = new Http(port);
        FilingApplication transfer = TestData.transfer("迁入科技有限公司", "粤ICP备2020000011号", "transfer-all-1.cn");
        String id = http.post("alice", "/api/filings", http.json("alice", transfer)).json().get("id").asText();
        approve(http, id);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(http, id), "ACTIVE"::equals);
        assertThat(http.get("alice", "/api/filings/" + id).json().get("websites").get(0).get("icpNumber").asText())
                .isEqualTo("粤ICP备2020000011号-1");

        FilingApplication cancel = TestData.cancellation(io.icpflow.filing.FilingType.CANCEL_ACCESS, transfer.subject(), "粤ICP备2020000011号-1");
        String cancelId = http.post("alice", "/api/filings", http.json("alice", cancel)).json().get("id").asText();
        approve(http, cancelId);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(http, cancelId), "CANCELLED"::equals);
        assertThat(http.get("alice", "/api/filings/" + cancelId).json().get("timeline")).extracting(t -> t.get("status").asText())
                .doesNotContain("SMS_VERIFICATION");
    }

    private static void approve(Http http, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status(http, id), "PROVIDER_REVIEW"::equals);
        var task = http.get("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=providerReview").json().get(0);
        Http.Response done = http.post("reviewer", "/engine-rest/task/" + task.get("id").asText() + "/complete",
                ApiDriver.reviewBody("APPROVE", ""));
        assertThat(done.status()).isEqualTo(204);
    }

    private static String status(Http http, String id) {
        return http.get("alice", "/api/filings/" + id).json().get("status").asText();
    }

}
