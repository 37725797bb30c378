package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.TestResources;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingApplication.Website;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Cloud resources and service numbers (API.md): eligibility, the quota, the pre-check codes, a number's life and the race for one. */
@ApiTest
class ServiceNumbersApiIT {

    @Autowired ApiDriver api;

    @Test
    void theCallersResourcesWithTheNumbersTheyCanStillGive() {
        JsonNode resources = api.http().get("alice", "/api/resources").json();
        JsonNode payg = find(resources, TestResources.PAY_AS_YOU_GO);
        assertThat(payg.get("billing").asText()).isEqualTo("PAY_AS_YOU_GO");
        assertThat(payg.get("serviceNumbersLeft").asInt()).isZero();
        JsonNode last = find(resources, String.format("i-alice-%03d", TestResources.INSTANCES));
        assertThat(last.get("product").asText()).isEqualTo("ECS");
        assertThat(last.get("publicIp").asBoolean()).isTrue();
        assertThat(last.get("purchasedMonths").asInt()).isEqualTo(12);
        assertThat(last.get("serviceNumbersLeft").asInt()).isEqualTo(5);
        assertThat(find(resources, "i-bob-001")).isNull();
        assertThat(api.http().get("reviewer", "/api/resources").status()).isEqualTo(403);
    }

    @Test
    void aResourceThatCannotGiveANumberIsRefusedWithItsReason() {
        for (String resource : List.of(TestResources.PAY_AS_YOU_GO, TestResources.SHORT_TERM, TestResources.NO_PUBLIC_IP, TestResources.ABROAD)) {
            Http.Response refused = issue("alice", resource);
            assertThat(refused.status()).as(resource).isEqualTo(409);
            assertThat(refused.json().get("code").asText()).as(resource).isEqualTo("RESOURCE_NOT_ELIGIBLE");
        }
        assertThat(issue("alice", TestResources.NO_PUBLIC_IP).json().get("detail").asText()).contains("public IP");
        assertThat(issue("alice", "i-bob-001").status()).as("another caller's").isEqualTo(404);
        assertThat(issue("alice", "i-nobody").status()).as("unknown").isEqualTo(404);
        Http.Response empty = api.http().post("alice", "/api/service-numbers", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("resourceId");
    }

    @Test
    void anEcsInstanceGivesFiveNumbers() {
        String resource = String.format("i-bob-%03d", TestResources.INSTANCES);
        for (int i = 0; i < 5; i++) {
            Http.Response issued = issue("bob", resource);
            assertThat(issued.status()).isEqualTo(201);
            assertThat(issued.json().get("status").asText()).isEqualTo("UNUSED");
            assertThat(issued.json().get("resourceId").asText()).isEqualTo(resource);
        }
        Http.Response sixth = issue("bob", resource);
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.json().get("code").asText()).isEqualTo("SERVICE_NUMBER_QUOTA_EXCEEDED");
        assertThat(find(api.http().get("bob", "/api/resources").json(), resource).get("serviceNumbersLeft").asInt()).isZero();
    }

    @Test
    void eachWebsiteNeedsANumberOfTheCallersThatNothingElseUses() {
        String id = created("alice", TestData.enterprise());
        JsonNode missing = api.filing("alice", id);
        assertThat(missing.get("status").asText()).isEqualTo("RETURNED");
        assertThat(codesAt(missing)).containsExactly("SERVICE_NUMBER_MISSING@websites[0].serviceNumber");

        String bobs = api.serviceNumber("bob");
        assertThat(codesAt(api.filing("alice", created("alice", withNumber(TestData.enterprise(), bobs)))))
                .containsExactly("SERVICE_NUMBER_INVALID@websites[0].serviceNumber");

        String number = api.serviceNumber("alice");
        String first = created("alice", withNumber(TestData.enterprise(), number));
        assertThat(api.filing("alice", first).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(codesAt(api.filing("alice", created("alice", withNumber(TestData.enterprise(), number)))))
                .containsExactly("SERVICE_NUMBER_USED@websites[0].serviceNumber");

        String expiring = issue("alice", TestResources.EXPIRING).json().get("serviceNumber").asText();
        JsonNode returned = api.filing("alice", created("alice", withNumber(TestData.enterprise(), expiring)));
        assertThat(codesAt(returned)).containsExactly("RESOURCE_EXPIRING@websites[0].serviceNumber");
        assertThat(returned.get("reasons").get(0).get("rule").asText()).isEqualTo("SERVICE_NUMBERS_2019");
    }

    @Test
    void aNumberIsInUseWhileItsFilingRunsUsedOnceActiveAndFreeAgainWhenWithdrawn() {
        String number = api.serviceNumber("alice");
        assertThat(status(number)).isEqualTo("UNUSED");
        String id = created("alice", withNumber(TestData.enterprise(), number));
        assertThat(status(number)).isEqualTo("IN_USE");
        assertThat(numbered(number).get("filingId").asText()).isEqualTo(id);
        api.driveToActive("alice", id, TestData.newSubjectNumber());
        assertThat(status(number)).isEqualTo("USED");

        String another = api.serviceNumber("alice");
        String withdrawn = created("alice", withNumber(TestData.enterprise(), another));
        assertThat(status(another)).isEqualTo("IN_USE");
        assertThat(api.http().post("alice", "/api/filings/" + withdrawn + "/withdrawal", "").status()).isEqualTo(200);
        api.awaitStatus("alice", withdrawn, "WITHDRAWN");
        assertThat(status(another)).isEqualTo("UNUSED");
        // free again: another application may take it
        assertThat(api.filing("alice", created("alice", withNumber(TestData.enterprise(), another))).get("status").asText())
                .isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void ofTwoApplicationsRacingForOneNumberExactlyOneHoldsIt() {
        String number = api.serviceNumber("alice");
        List<CompletableFuture<Http.Response>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String body = Http.json(api.http().withMaterials("alice", withNumber(TestData.enterprise(), number)));
            racing.add(CompletableFuture.supplyAsync(() -> api.http().post("alice", "/api/filings", body)));
        }
        List<String> statuses = new ArrayList<>();
        for (CompletableFuture<Http.Response> call : racing) {
            Http.Response created = call.join();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            statuses.add(created.json().get("status").asText() + ":" + codesAt(created.json()));
        }
        assertThat(statuses).containsExactlyInAnyOrder("IDENTITY_VERIFICATION:[]", "RETURNED:[SERVICE_NUMBER_USED@websites[0].serviceNumber]");
        assertThat(status(number)).isEqualTo("IN_USE");
    }

    /** Posted with the checklist's materials and the service numbers as given (none, another's, a used one …). */
    private String created(String user, FilingApplication app) {
        Http.Response created = api.http().post(user, "/api/filings", Http.json(api.http().withMaterials(user, app)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        api.awaitVerified(user, id);
        return id;
    }

    private static FilingApplication withNumber(FilingApplication app, String number) {
        Website w = app.websites().get(0);
        return app.withWebsites(List.of(w.withServiceNumber(number)));
    }

    private Http.Response issue(String user, String resource) {
        return api.http().post(user, "/api/service-numbers", Http.json(Map.of("resourceId", resource)));
    }

    private String status(String number) {
        return numbered(number).get("status").asText();
    }

    private JsonNode numbered(String number) {
        for (JsonNode n : api.http().get("alice", "/api/service-numbers").json()) {
            if (n.get("serviceNumber").asText().equals(number)) {
                return n;
            }
        }
        throw new AssertionError(number + " is not alice's");
    }

    private static List<String> codesAt(JsonNode filing) {
        List<String> codes = new ArrayList<>();
        filing.get("reasons").forEach(r -> codes.add(r.get("code").asText() + "@" + r.get("field").asText()));
        return codes;
    }

    private static JsonNode find(JsonNode resources, String id) {
        for (JsonNode r : resources) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
