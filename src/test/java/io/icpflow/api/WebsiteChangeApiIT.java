package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving a filed website out of the mainland warns first (002 §1). */
@ApiTest
class WebsiteChangeApiIT {

    @Autowired ApiDriver api;

    @Test
    void leavingTheMainlandIsWarnedBeforeItIsApplied() {
        String id = api.apply("alice", TestData.enterprise());
        Http.Response early = move(id, "cn-shanghai", false);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("NOT_CHANGEABLE");

        api.driveToActive("alice", id, TestData.newSubjectNumber());
        Http.Response warned = move(id, "cn-hongkong", false);
        assertThat(warned.status()).isEqualTo(409);
        assertThat(warned.json().get("code").asText()).isEqualTo("FILING_MAY_BE_REVOKED");
        assertThat(warned.json().get("detail").asText()).contains("cn-hongkong");
        assertThat(api.filing("alice", id).get("websites").get(0).get("serverRegion").asText()).isEqualTo("cn-hangzhou");

        Http.Response withinMainland = move(id, "cn-shanghai", false);
        assertThat(withinMainland.status()).isEqualTo(200);
        assertThat(withinMainland.json().get("notices")).isEmpty();

        Http.Response confirmed = move(id, "cn-hongkong", true);
        assertThat(confirmed.status()).isEqualTo(200);
        JsonNode filing = confirmed.json();
        assertThat(filing.get("websites").get(0).get("serverRegion").asText()).isEqualTo("cn-hongkong");
        assertThat(filing.get("notices").get(0).get("code").asText()).isEqualTo("FILING_MAY_BE_REVOKED");
        assertThat(filing.get("status").asText()).isEqualTo("ACTIVE");

        assertThat(move(id, "mars-1", true).status()).isEqualTo(400);
        assertThat(api.http().post("bob", "/api/filings/" + id + "/website-changes", "{\"websiteIndex\":0,\"serverRegion\":\"cn-beijing\"}").status())
                .isEqualTo(404);
    }

    private Http.Response move(String id, String region, boolean confirm) {
        return api.http().post("alice", "/api/filings/" + id + "/website-changes",
                Http.json(Map.of("websiteIndex", 0, "serverRegion", region, "confirmRevocationRisk", confirm)));
    }
}
