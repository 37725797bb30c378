package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Product access checks and the "filed but does not resolve" diagnosis over HTTP (000, 001). */
@ApiTest
class AccessApiIT {

    @Autowired ApiDriver api;

    @Test
    void accessCheckGoesThroughAllThreeOutcomes() {
        Http.Response notFiled = check("alice", TestData.domain());
        assertThat(notFiled.status()).isEqualTo(201);
        assertThat(notFiled.header("Location")).isEqualTo("/api/access-checks/" + notFiled.json().get("id").asText());
        assertThat(notFiled.json().get("outcome").asText()).isEqualTo("NOT_FILED");
        assertThat(notFiled.json().get("nextCheckAt").isNull()).isTrue();

        FilingApplication app = TestData.enterprise();
        String filingId = api.apply("alice", app);
        String domain = app.websites().get(0).domains().get(0);
        api.review(filingId, "APPROVE", "");
        api.awaitStatus("alice", filingId, "SMS_VERIFICATION");
        api.notice("SMS_VERIFIED", filingId, null, null);
        api.notice("FILING_APPROVED", filingId, number(), null);

        JsonNode waiting = check("alice", domain).json();
        assertThat(waiting.get("outcome").asText()).isEqualTo("WAITING_FOR_SYNC");
        assertThat(waiting.get("nextCheckAt").asText()).endsWith("+08:00");
        assertThat(waiting.get("message").asText()).isNotBlank();
        String checkId = waiting.get("id").asText();

        assertThat(api.notice("FILING_SYNCED", filingId, null, null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(checkId), "ALLOWED"::equals);
        assertThat(api.awaitMails(filingId, 7)).extracting(ApiDriver::subject)
                .anySatisfy(s -> assertThat(s).contains(domain).contains("ANTI_DDOS"));

        assertThat(check("alice", domain).json().get("outcome").asText()).isEqualTo("ALLOWED");
        assertThat(api.http().get("bob", "/api/access-checks/" + checkId).status()).isEqualTo(404);
    }

    @Test
    void badAccessCheckRequestsAre400() {
        Http.Response badProduct = api.http().post("alice", "/api/access-checks", "{\"domain\":\"example.cn\",\"product\":\"TOASTER\"}");
        assertThat(badProduct.status()).isEqualTo(400);
        assertThat(badProduct.json().get("errors").get(0).get("field").asText()).isEqualTo("product");
        Http.Response badDomain = api.http().post("alice", "/api/access-checks", "{\"domain\":\"not a domain\",\"product\":\"CDN\"}");
        assertThat(badDomain.status()).isEqualTo(400);
        assertThat(badDomain.json().get("errors").get(0).get("code").asText()).isEqualTo("INVALID_DOMAIN");
        assertThat(api.http().post("regulator", "/api/access-checks", "{\"domain\":\"example.cn\",\"product\":\"CDN\"}").status()).isEqualTo(403);
    }

    @Test
    void diagnosisFindings() {
        assertThat(codes("alice", "suspended.cn", TestData.enterprise("suspended.cn"))).containsExactlyInAnyOrder("NOT_FILED", "RESOLUTION_SUSPENDED");
        assertThat(codes("alice", "unverified-identity.com", TestData.enterprise("unverified-identity.com")))
                .containsExactlyInAnyOrder("NOT_FILED", "IDENTITY_VERIFICATION_OVERDUE");
        assertThat(codes("bob", "filed-elsewhere.cn", TestData.enterpriseNamed("迁入测试有限公司", "filed-elsewhere.cn")))
                .containsExactly("FILED_WITH_OTHER_PROVIDER");

        FilingApplication app = TestData.enterprise();
        String filingId = api.apply("alice", app);
        String domain = app.websites().get(0).domains().get(0);
        api.review(filingId, "APPROVE", "");
        api.awaitStatus("alice", filingId, "SMS_VERIFICATION");
        api.notice("SMS_VERIFIED", filingId, null, null);
        api.notice("FILING_APPROVED", filingId, number(), null);
        assertThat(diagnosis("alice", domain).get("findings").get(0).get("code").asText()).isEqualTo("NOT_SYNCED");
        api.notice("FILING_SYNCED", filingId, null, null);
        JsonNode ok = diagnosis("alice", "www." + domain);
        assertThat(ok.get("findings")).hasSize(1);
        assertThat(ok.get("findings").get(0).get("code").asText()).isEqualTo("OK");
        assertThat(ok.get("findings").get(0).get("advice").asText()).isNotBlank();

        assertThat(api.http().get("bob", "/api/domains/" + domain + "/diagnosis").status()).isEqualTo(404);
        assertThat(diagnosis("alice", TestData.domain()).get("findings").get(0).get("code").asText())
                .as("a domain nobody has filed yet is diagnosed from its public facts").isEqualTo("NOT_FILED");
        assertThat(diagnosis("alice", "filed-elsewhere.cn").get("findings").get(0).get("code").asText())
                .as("MIIT's public record, whoever asks").isEqualTo("FILED_WITH_OTHER_PROVIDER");
        JsonNode miniProgram = diagnosis("alice", "mini-program-backend.cn").get("findings").get(0);
        assertThat(miniProgram.get("code").asText()).as("a mini program's number: its platform filed it").isEqualTo("FILED_BY_PLATFORM");
        assertThat(miniProgram.get("message").asText()).contains("粤ICP备2023000003号-3X");
    }

    private java.util.List<String> codes(String user, String domain, FilingApplication app) {
        api.apply(user, app);
        java.util.List<String> codes = new java.util.ArrayList<>();
        diagnosis(user, domain).get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    private JsonNode diagnosis(String user, String domain) {
        Http.Response response = api.http().get(user, "/api/domains/" + domain + "/diagnosis");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Http.Response check(String user, String domain) {
        return api.http().post(user, "/api/access-checks", Http.json(Map.of("domain", domain, "product", "ANTI_DDOS")));
    }

    private String outcome(String id) {
        return api.http().get("alice", "/api/access-checks/" + id).json().get("outcome").asText();
    }

    private static String number() {
        return TestData.newSubjectNumber();
    }
}
