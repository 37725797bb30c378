package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication;
import io.icpflow.reference.PreApprovalCategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules the product applies, as an applicant reads them: in each reason (rule, source) and at GET /api/rules. */
@ApiTest
class RulesApiIT {

    @Autowired ApiDriver api;

    @Test
    void aReasonNamesTheRuleItAppliedAndItsSourceInBothLanguages() {
        String id = api.apply("alice", TestData.enterprise("example-" + System.nanoTime() + ".org"));
        JsonNode reason = reason(api.filing("alice", id), "TLD_NOT_APPROVED");
        assertThat(reason.get("rule").asText()).isEqualTo("SUFFIX_ORG_EXISTING_ONLY");
        assertThat(reason.get("source").asText()).contains(".org").contains("https://");
        assertThat(reason.get("message").asText()).contains("（依据：工信部批准可备案的域名后缀，全国，2018-01-01起）");

        FilingApplication english = TestData.enterprise("example-" + System.nanoTime() + ".org");
        english = new FilingApplication(english.type(), "en", english.subject(), english.websites(), null, null);
        JsonNode en = reason(api.filing("alice", api.apply("alice", english)), "TLD_NOT_APPROVED");
        assertThat(en.get("message").asText()).endsWith("(Rule: Domain suffixes MIIT approved for filing, national, from 2018-01-01)");
        // a national check names its row too
        JsonNode expired = reason(api.filing("alice", api.apply("alice", TestData.enterprise("expired-domain.cn"))), "DOMAIN_EXPIRED");
        assertThat(expired.get("rule").asText()).isEqualTo("CHECK_DOMAIN_EXPIRED");
        assertThat(expired.get("source").asText()).contains("003");
    }

    @Test
    void hubeiTakesOneWebsitePerApplication() {
        FilingApplication app = TestData.enterprise();
        Subject s = app.subject();
        FilingApplication hubei = TestData.withSubject(app, new Subject(s.kind(), s.name(), s.idNumber(), "HB", s.contact()));
        List<FilingApplication.Website> two = new ArrayList<>(app.websites());
        two.add(TestData.enterprise().websites().get(0));
        JsonNode reason = reason(api.filing("alice", api.apply("alice", TestData.withWebsites(hubei, two))), "TOO_MANY_WEBSITES");
        assertThat(reason.get("field").asText()).isEqualTo("websites");
        assertThat(reason.get("rule").asText()).isEqualTo("WEBSITES_PER_APPLICATION_HB_1");
    }

    @Test
    void aFinanceNameNeedsTheFinancePreApprovalCategory() {
        FilingApplication.Website plain = TestData.enterprise().websites().get(0);
        FilingApplication.Website finance = new FilingApplication.Website("示例理财", plain.domains(), plain.serverRegion(),
                plain.content(), true);
        JsonNode reason = reason(api.filing("alice", api.apply("alice", TestData.withWebsites(TestData.enterprise(), List.of(finance)))),
                "PRE_APPROVAL_REQUIRED");
        assertThat(reason.get("field").asText()).isEqualTo("websites[0].name");
        assertThat(reason.get("rule").asText()).isEqualTo("FINANCE_WORDS");
        FilingApplication.Website declared = new FilingApplication.Website("示例理财", TestData.enterprise().websites().get(0).domains(),
                plain.serverRegion(), plain.content(), true, List.of(PreApprovalCategory.FINANCE));
        String id = api.apply("alice", TestData.withWebsites(TestData.enterprise(), List.of(declared)));
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void anyoneLoggedInReadsTheTablesInForceOnADay() {
        for (String user : List.of("alice", "reviewer", "regulator", "analyst")) {
            Http.Response today = api.http().get(user, "/api/rules");
            assertThat(today.status()).as(user).isEqualTo(200);
        }
        JsonNode tables = api.http().get("alice", "/api/rules?on=2026-12-01").json();
        JsonNode ca = table(tables, "ca-review-limit");
        assertThat(ca.get("rows")).extracting(r -> r.get("id").asText() + "/" + r.get("province").asText() + "/" + r.get("value").asInt())
                .containsExactlyInAnyOrder("CA_REVIEW_20_DAYS/null/20", "CA_REVIEW_ZJ_30_DAYS/ZJ/30");
        assertThat(ca.get("rows").get(0).get("validFrom").asText()).isEqualTo("2005-03-20");
        assertThat(ca.get("rows").get(0).get("source").asText()).contains("第33号");
        JsonNode in2017 = table(api.http().get("alice", "/api/rules?on=2017-06-01").json(), "approved-suffixes");
        assertThat(in2017.get("rows")).extracting(r -> r.get("id").asText()).containsExactly("SUFFIX_ORG_BEFORE_2018");

        assertThat(api.http().get("alice", "/api/rules?on=yesterday").status()).isEqualTo(400);
        assertThat(api.http().get("alice", "/api/rules?on=1999-12-31").json().get("errors").get(0).get("field").asText()).isEqualTo("on");
        assertThat(api.http().get(null, "/api/rules").status()).isEqualTo(401);
    }

    private static JsonNode table(JsonNode tables, String name) {
        for (JsonNode t : tables) {
            if (t.get("table").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in " + tables);
    }

    private static JsonNode reason(JsonNode filing, String code) {
        assertThat(filing.get("status").asText()).as(filing.toString()).isEqualTo("RETURNED");
        for (JsonNode r : filing.get("reasons")) {
            if (r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError(code + " not in " + filing.get("reasons"));
    }
}
