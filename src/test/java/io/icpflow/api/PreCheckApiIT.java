package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.materials.MaterialKind;
import io.icpflow.filing.FilingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each pre-check reason code of a new filing, as the applicant sees it: RETURNED, code, message, field. */
@ApiTest
class PreCheckApiIT {

    @Autowired ApiDriver api;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "expired-domain.cn,        DOMAIN_EXPIRED",
            "registered-abroad.com,    DOMAIN_REGISTERED_ABROAD",
            "unapproved-registrar.cn,  REGISTRAR_NOT_APPROVED",
            "no-real-name.cn,          REAL_NAME_MISSING",
            "other-holder.cn,          HOLDER_MISMATCH",
            "unverified-identity.com,  IDENTITY_VERIFICATION_OVERDUE",
            "filed-by-others.cn,       DOMAIN_FILED_BY_OTHERS",
            "example-site.io,          TLD_NOT_APPROVED",
            "www.never-filed-here.cn,  TOP_DOMAIN_NOT_FILED"
    })
    void domainFactsFailures(String domain, String code) {
        assertReturned(api.apply("alice", TestData.enterprise(domain)), code, "websites[0].domains[0]");
    }

    @Test
    void filedThroughAnotherProviderPointsToATransfer() {
        String id = api.apply("alice", TestData.enterpriseNamed("迁入测试有限公司", "filed-elsewhere.cn"));
        JsonNode reason = assertReturned(id, "FILED_WITH_OTHER_PROVIDER", "websites[0].domains[0]");
        assertThat(reason.get("message").asText()).contains("TRANSFER");
    }

    @Test
    void individualMayNotShowCompanyContent() {
        assertReturned(api.apply("alice", TestData.individual(Content.COMPANY)), "INDIVIDUAL_COMPANY_CONTENT", "websites[0].content");
    }

    @Test
    void oneDomainPerWebsite() {
        assertReturned(api.apply("alice", TestData.enterprise(TestData.domain(), TestData.domain())), "TOO_MANY_DOMAINS", "websites[0].domains");
    }

    /** Hunan asks for a domain certificate of every domain (rules/materials.json); Beijing's unsourced rule of before is gone. */
    @Test
    void provinceAskingForADomainCertificate() {
        FilingApplication app = TestData.enterprise();
        Subject hunan = new Subject(SubjectKind.ENTERPRISE, "长沙示例科技有限公司", TestData.uscc(), "HN", TestData.contact());
        FilingApplication provisioned = api.provisioned("alice", TestData.withWebsites(TestData.withSubject(app, hunan),
                List.of(new Website("示例官网", List.of(TestData.domain()), "cn-hangzhou", Content.COMPANY, true))), null);
        Website website = provisioned.websites().get(0);
        assertThat(website.materials()).extracting(FilingApplication.MaterialRef::kind).contains(MaterialKind.DOMAIN_CERTIFICATE);
        Website withoutCertificate = website.withMaterials(website.materials().stream()
                .filter(ref -> ref.kind() != MaterialKind.DOMAIN_CERTIFICATE).toList());
        // domainCertificate: true no longer satisfies the rule: the material does
        String id = api.http().post("alice", "/api/filings", Http.json(provisioned.withWebsites(List.of(withoutCertificate))))
                .json().get("id").asText();
        JsonNode reason = assertReturned(id, "MATERIAL_MISSING", "websites[0].materials.DOMAIN_CERTIFICATE");
        assertThat(reason.get("rule").asText()).isEqualTo("MATERIAL_DOMAIN_CERTIFICATE_HN");

        Subject beijing = new Subject(SubjectKind.ENTERPRISE, "北京示例科技有限公司", TestData.uscc(), "BJ", TestData.contact());
        String filed = api.apply("alice", TestData.withWebsites(TestData.withSubject(app, beijing),
                List.of(new Website("示例官网", List.of(TestData.domain()), "cn-beijing", Content.COMPANY, false))));
        assertThat(api.filing("alice", filed).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    @Test
    void domainAlreadyFiledHereAndSubjectUnderAnotherAccount() {
        FilingApplication app = TestData.enterprise();
        String first = api.apply("alice", app);
        api.driveToActive("alice", first, "浙ICP备2026099001号");
        String domain = app.websites().get(0).domains().get(0);

        FilingApplication sameDomain = new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", app.subject(),
                List.of(new Website("同一域名", List.of(domain), "cn-hangzhou", Content.COMPANY, true)), null, null);
        String returned = api.apply("alice", sameDomain);
        assertReturned(returned, "ALREADY_FILED", "websites[0].domains[0]");
        // one application per subject at a time, whoever applies: free the subject first
        assertThat(api.http().post("alice", "/api/filings/" + returned + "/withdrawal", null).status()).isEqualTo(200);

        FilingApplication fromBob = TestData.withWebsites(app, List.of(
                new Website("另一网站", List.of(TestData.domain()), "cn-hangzhou", Content.COMPANY, true)));
        assertReturned(api.apply("bob", fromBob), "SUBJECT_EXISTS_ELSEWHERE", "subject.idNumber");
    }

    @Test
    void secondApplicationOfTheSameSubjectIsRefused() {
        FilingApplication app = TestData.enterprise();
        api.apply("alice", app);
        Http.Response second = api.http().post("alice", "/api/filings", api.json("alice", TestData.withWebsites(app,
                List.of(new Website("二号站", List.of(TestData.domain()), "cn-hangzhou", Content.COMPANY, true)))));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("APPLICATION_IN_PROGRESS");
        assertThat(second.json().get("errors").get(0).get("code").asText()).isEqualTo("APPLICATION_IN_PROGRESS");
    }

    @Test
    void realNameVerifiedButNotRecordedWaitsInsteadOfFailing() {
        String id = api.apply("alice", TestData.enterprise("pending-real-name.cn"));
        JsonNode filing = api.filing("alice", id);
        assertThat(filing.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(filing.get("reasons")).isEmpty();
    }

    private JsonNode assertReturned(String id, String code, String field) {
        JsonNode filing = api.filing("alice".equals(ownerOf(id)) ? "alice" : "bob", id);
        assertThat(filing.get("status").asText()).as(filing.toString()).isEqualTo("RETURNED");
        JsonNode reason = null;
        for (JsonNode r : filing.get("reasons")) {
            if (r.get("code").asText().equals(code)) {
                reason = r;
            }
        }
        assertThat(reason).as(code + " in " + filing.get("reasons")).isNotNull();
        assertThat(reason.get("field").asText()).isEqualTo(field);
        assertThat(reason.get("message").asText()).isNotBlank().doesNotContain("reason.");
        return reason;
    }

    private String ownerOf(String id) {
        return api.http().get("alice", "/api/filings/" + id).status() == 200 ? "alice" : "bob";
    }
}
