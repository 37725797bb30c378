package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console reads besides API.md's endpoints: the stored application, the outlook, the mails, the reference lists. */
@ApiTest
class ConsoleApiIT {

    @Autowired ApiDriver api;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void theStoredApplicationIsWhatACorrectionStartsFrom() {
        FilingApplication app = TestData.enterprise();
        String id = api.apply("alice", app);
        JsonNode stored = api.http().get("alice", "/api/filings/" + id + "/application").json();
        assertThat(stored.get("type").asText()).isEqualTo("NEW_FILING");
        assertThat(stored.get("subject").get("idNumber").asText()).isEqualTo(app.subject().idNumber());
        assertThat(stored.get("websites").get(0).get("serviceNumber").asText()).startsWith("SN-");
        assertThat(stored.get("subject").get("materials")).isNotEmpty();
        assertThat(api.http().get("bob", "/api/filings/" + id + "/application").status()).isEqualTo(404);
        assertThat(api.http().get("reviewer", "/api/filings/" + id + "/application").status()).isEqualTo(403);
    }

    @Test
    void theOutlookNamesTheCurrentWaitsTimerAndItsLimit() {
        String id = api.apply("alice", TestData.enterprise());
        JsonNode review = api.http().get("alice", "/api/filings/" + id + "/outlook?lang=en").json();
        assertThat(review.get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(review.get("nextStep").asText()).contains("reviewers");
        assertThat(review.get("limit").asText()).contains("provider review: 1 business day");
        // the review's own timer: one business day after it began
        OffsetDateTime due = OffsetDateTime.parse(review.get("dueAt").asText());
        assertThat(due).isAfter(OffsetDateTime.now()).isBefore(OffsetDateTime.now().plusDays(5));
        assertThat(review.get("dueAt").asText()).endsWith("+08:00");
        assertThat(review.get("province").asText()).isEqualTo("ZJ");
        assertThat(api.http().get("alice", "/api/filings/" + id + "/outlook?lang=zh-CN").json().get("nextStep").asText()).contains("审核");

        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        JsonNode sms = api.http().get("alice", "/api/filings/" + id + "/outlook").json();
        assertThat(sms.get("limit").asText()).contains("24 hours");
        assertThat(OffsetDateTime.parse(sms.get("dueAt").asText())).isBetween(OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plusHours(25));
        assertThat(api.http().get("bob", "/api/filings/" + id + "/outlook").status()).isEqualTo(404);
    }

    @Test
    void theMailsAreTheCallersOwn() {
        String id = api.apply("alice", TestData.enterprise());
        api.awaitMails(id, 3);
        Http.Response mine = api.http().get("alice", "/api/mails?size=200");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).anySatisfy(m -> {
            assertThat(m.get("filingId").asText()).isEqualTo(id);
            assertThat(m.get("html").asText()).contains(id);
        });
        assertThat(mine.header("X-Total-Count")).isNotNull();
        assertThat(api.http().get("bob", "/api/mails?size=200").json()).noneMatch(m -> m.get("filingId").asText().equals(id));
        assertThat(api.http().get("alice", "/api/mails?size=500").status()).isEqualTo(400);
        assertThat(api.http().get("reviewer", "/api/mails").status()).isEqualTo(403);
    }

    /** A page's script whose session ended gets its 401 without a Basic challenge: no browser login dialog, no cached credentials. */
    @Test
    void aScriptsRequestIsNotChallengedForBasicCredentials() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI filings = java.net.URI.create("http://localhost:" + port + "/api/filings");
        var script = client.send(java.net.http.HttpRequest.newBuilder(filings).header("X-Requested-With", "XMLHttpRequest").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
        var client401 = client.send(java.net.http.HttpRequest.newBuilder(filings).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(client401.statusCode()).isEqualTo(401);
        assertThat(client401.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void provincesAndRegionsForTheForms() {
        JsonNode provinces = api.http().get("alice", "/api/reference/provinces").json();
        assertThat(provinces).anySatisfy(p -> {
            assertThat(p.get("code").asText()).isEqualTo("ZJ");
            assertThat(p.get("nameZh").asText()).isEqualTo("浙江省");
            assertThat(p.get("abbreviation").asText()).isEqualTo("浙");
        });
        assertThat(provinces).hasSize(31);
        assertThat(api.http().get("alice", "/api/reference/regions").json())
                .anySatisfy(r -> assertThat(r.get("id").asText()).isEqualTo("cn-hangzhou"));
        assertThat(api.http().get(null, "/api/reference/provinces").status()).isEqualTo(401);
    }
}
