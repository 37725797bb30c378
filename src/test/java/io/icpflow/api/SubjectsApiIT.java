package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller's filed subjects as they stand (API.md "The caller's filed subjects"), and a subject number for a per-website type. */
@ApiTest
class SubjectsApiIT {

    @Autowired ApiDriver api;

    @Test
    void theCallersSubjectsWithTheirWebsitesAsTheyStand() {
        FilingApplication app = TestData.enterprise();
        String subjectNumber = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), subjectNumber);

        JsonNode subject = listed("alice", subjectNumber);
        assertThat(subject.get("name").asText()).isEqualTo(app.subject().name());
        assertThat(subject.get("kind").asText()).isEqualTo("ENTERPRISE");
        assertThat(subject.get("province").asText()).isEqualTo("ZJ");
        assertThat(subject.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(subject.get("contact").get("email").asText()).isEqualTo(app.subject().contact().email());
        assertThat(subject.get("apps")).isEmpty();
        JsonNode website = subject.get("websites").get(0);
        assertThat(website.get("icpNumber").asText()).isEqualTo(TestData.websiteNumber(subjectNumber, 1));
        assertThat(website.get("domains")).extracting(JsonNode::asText).containsExactlyElementsOf(app.websites().get(0).domains());
        assertThat(website.get("serverRegion").asText()).isEqualTo("cn-hangzhou");
        assertThat(website.get("status").asText()).isEqualTo("ACTIVE");

        String path = "/api/subjects/" + URLEncoder.encode(subjectNumber, StandardCharsets.UTF_8);
        assertThat(api.http().get("alice", path).json().get("icpNumber").asText()).isEqualTo(subjectNumber);
        assertThat(api.http().get("bob", path).status()).isEqualTo(404);
        assertThat(listed("bob", subjectNumber)).isNull();
        assertThat(api.http().get("alice", "/api/subjects/" + URLEncoder.encode("浙ICP备2099999999号", StandardCharsets.UTF_8)).status())
                .isEqualTo(404);
        assertThat(api.http().get("alice", "/api/subjects/not-a-number").status()).isEqualTo(404);
        assertThat(api.http().get("reviewer", "/api/subjects").status()).isEqualTo(403);
    }

    /** API.md: a per-website type given the caller's own subject number takes its one website. */
    @Test
    void cancelAccessWithTheSubjectsNumberTakesItsOneWebsite() {
        FilingApplication app = TestData.enterprise();
        String subjectNumber = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), subjectNumber);
        String id = api.apply("alice", TestData.cancellation(FilingType.CANCEL_ACCESS, app.subject(), subjectNumber));
        JsonNode filing = api.filing("alice", id);
        assertThat(filing.get("status").asText()).as(filing.toString()).isEqualTo("PROVIDER_REVIEW");
        assertThat(filing.get("icpNumber").asText()).isEqualTo(TestData.websiteNumber(subjectNumber, 1));
        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "CA_REVIEW");
        api.notice("FILING_APPROVED", id, TestData.websiteNumber(subjectNumber, 1), null);
        api.awaitStatus("alice", id, "CANCELLED");
        JsonNode subject = listed("alice", subjectNumber);
        assertThat(subject.get("websites").get(0).get("status").asText()).isEqualTo("ACCESS_CANCELLED");
    }

    @Test
    void aSubjectWithTwoWebsitesNeedsTheWebsitesNumber() {
        FilingApplication app = TestData.enterprise();
        String subjectNumber = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), subjectNumber);
        FilingApplication second = new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", app.subject(), TestData.enterprise().websites(),
                null, null);
        api.driveToActive("alice", api.apply("alice", second), subjectNumber);
        Http.Response refused = api.http().post("alice", "/api/filings",
                Http.json(TestData.cancellation(FilingType.CANCEL_WEBSITE, app.subject(), subjectNumber)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("icpNumber");
        assertThat(refused.json().get("errors").get(0).get("code").asText()).isEqualTo("WEBSITE_NUMBER_REQUIRED");
        // another applicant's subject number is not theirs: the pre-check says so
        String bobs = api.apply("bob", TestData.cancellation(FilingType.CANCEL_ACCESS, TestData.enterprise().subject(), subjectNumber));
        JsonNode returned = api.filing("bob", bobs);
        assertThat(returned.get("reasons").get(0).get("code").asText()).isEqualTo("NUMBER_NOT_OURS");
    }

    /** The subject with this number in the caller's list, page by page (the list is long in this shared suite). */
    private JsonNode listed(String user, String number) {
        for (int page = 0; ; page++) {
            Http.Response response = api.http().get(user, "/api/subjects?size=200&page=" + page);
            JsonNode found = find(response.json(), number);
            if (found != null || response.json().isEmpty()) {
                return found;
            }
        }
    }

    private static JsonNode find(JsonNode subjects, String number) {
        for (JsonNode s : subjects) {
            if (s.get("icpNumber").asText().equals(number)) {
                return s;
            }
        }
        return null;
    }
}
