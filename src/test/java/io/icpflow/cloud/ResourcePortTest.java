package io.icpflow.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource port's adapters: the fixture of API.md (a malformed one fails the start naming its entry) and the demo's. */
class ResourcePortTest {

    @TempDir Path dir;

    @Test
    void theFixtureListsEachOwnersResources() throws IOException {
        Path file = dir.resolve("resources.json");
        Files.writeString(file, """
                [{"id": "i-bp1", "owner": "carol", "product": "ECS", "region": "cn-hangzhou", "billing": "SUBSCRIPTION",
                  "purchasedMonths": 12, "expiresOn": "2027-12-01", "publicIp": true},
                 {"id": "i-bp2", "owner": "dave", "product": "ECS", "region": "cn-beijing", "billing": "PAY_AS_YOU_GO",
                  "purchasedMonths": 1, "expiresOn": "2027-01-01", "publicIp": false}]""");
        FixtureResources fixture = new FixtureResources(file, new ObjectMapper());
        assertThat(fixture.resourcesOf("carol")).singleElement().satisfies(r -> {
            assertThat(r.billing()).isEqualTo(CloudResource.Billing.SUBSCRIPTION);
            assertThat(r.expiresOn()).hasToString("2027-12-01");
            assertThat(r.publicIp()).isTrue();
        });
        assertThat(fixture.find("i-bp2")).hasValueSatisfying(r -> assertThat(r.owner()).isEqualTo("dave"));
        assertThat(fixture.resourcesOf("erin")).isEmpty();
    }

    @Test
    void aMalformedFixtureFailsTheStartNamingItsEntry() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                [{"id": "i-1", "owner": "carol", "product": "ECS", "region": "cn-hangzhou", "billing": "MONTHLY",
                  "purchasedMonths": 12, "expiresOn": "2027-12-01", "publicIp": true}]""");
        assertThatThrownBy(() -> new FixtureResources(file, new ObjectMapper())).hasMessageContaining("icp.resources.fixture[0]");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> new FixtureResources(file, new ObjectMapper())).hasMessageContaining("JSON array");
    }

    @Test
    void everyDemoApplicantHasTwoEligibleInstancesInHangzhouAndShanghai() {
        DemoResources demo = new DemoResources(2);
        assertThat(demo.resourcesOf("alice")).extracting(CloudResource::id, CloudResource::region)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i-demo-alice-1", "cn-hangzhou"),
                        org.assertj.core.groups.Tuple.tuple("i-demo-alice-2", "cn-shanghai"));
        assertThat(demo.find("i-demo-bob-2")).hasValueSatisfying(r -> assertThat(r.owner()).isEqualTo("bob"));
        assertThat(demo.find("i-demo-bob-3")).isEmpty();
        assertThat(demo.find("i-other")).isEmpty();
    }
}
