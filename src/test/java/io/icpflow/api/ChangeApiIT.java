package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingType;
import io.icpflow.registry.FilingRegistry.NewWebsite;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes of a filing (API.md "Changes of a filing") over HTTP: each type to ACTIVE, the site online throughout, and every refusal. */
@ApiTest
class ChangeApiIT {

    @Autowired ApiDriver api;
    @Autowired FilingRegistry registry;
    @Autowired JdbcClient jdbc;

    @Test
    void aWebsiteChangeKeepsTheSiteOnlineAndShowsInTheSubjectOnlyOnceSynced() {
        FilingApplication app = TestData.enterprise();
        String number = TestData.newSubjectNumber();
        String websiteNumber = TestData.websiteNumber(number, 1);
        api.driveToActive("alice", api.apply("alice", app), number);
        String domain = app.websites().get(0).domains().get(0);
        assertThat(accessCheck(domain)).isEqualTo("ALLOWED");

        FilingApplication change = TestData.change(FilingType.CHANGE_WEBSITE, app.subject(), websiteNumber,
                List.of(new Website("新官网", List.of(domain), "cn-shanghai", Content.COMPANY, true)), List.of());
        String id = api.apply("alice", change);
        JsonNode review = api.filing("alice", id);
        assertThat(review.get("type").asText()).isEqualTo("CHANGE_WEBSITE");
        assertThat(review.get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(review.get("websites").get(0).get("icpNumber").asText()).isEqualTo(websiteNumber);
        String taskId = api.task("reviewer", id, "providerReview").get("id").asText();
        JsonNode form = api.http().get("reviewer", "/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(form.get("changeSummary").get("value").asText())
                .contains("websites[0].name: 示例官网 → 新官网").contains("websites[0].serverRegion: cn-hangzhou → cn-shanghai");

        api.review(id, "APPROVE", "");
        api.awaitStatus("alice", id, "SMS_VERIFICATION");
        assertThat(api.notice("SMS_VERIFIED", id, null, null).status()).isEqualTo(202);
        assertThat(api.notice("FILING_APPROVED", id, websiteNumber, null).status()).isEqualTo(202);
        api.awaitStatus("alice", id, "APPROVED");
        // approved, not yet synced: the subject is as filed, and the site stays accessible
        assertThat(website(number).get("name").asText()).isEqualTo("示例官网");
        assertThat(accessCheck(domain)).isEqualTo("ALLOWED");
        assertThat(api.notice("FILING_SYNCED", id, null, null).status()).isEqualTo(202);
        JsonNode active = api.awaitStatus("alice", id, "ACTIVE");

        assertThat(active.get("icpNumber").asText()).isEqualTo(websiteNumber);
        JsonNode changed = website(number);
        assertThat(changed.get("icpNumber").asText()).isEqualTo(websiteNumber);
        assertThat(changed.get("name").asText()).isEqualTo("新官网");
        assertThat(changed.get("serverRegion").asText()).isEqualTo("cn-shanghai");
        assertThat(accessCheck(domain)).isEqualTo("ALLOWED");
        List<MimeMessage> mails = api.awaitMails(id, 7);
        assertThat(mails).hasSize(7);
        assertThat(mails).anySatisfy(m -> assertThat(MailText.of(m)).contains(websiteNumber));
    }

    @Test
    void aRemovedDomainIsNoLongerFiledOnceTheChangeHasSynced() {
        Subject subject = new Subject(FilingApplication.SubjectKind.ENTERPRISE, "老牌科技有限公司", TestData.uscc(), "ZJ", TestData.contact());
        String number = TestData.newSubjectNumber();
        String kept = TestData.domain();
        String removed = TestData.domain();
        String legacyFiling = UUID.randomUUID().toString();
        // filed before 2019-04-22, when a website could list several domains
        registry.recordApproval(new RegisteredSubject(subject.idNumber(), "alice", "ENTERPRISE", subject.name(), "ZJ", number,
                RegistryStatus.ACTIVE).withContact("张三", "zhang@example.com", "13800138000"), legacyFiling,
                List.of(new NewWebsite(0, "老网站", "cn-hangzhou", List.of(kept, removed), null, "COMPANY")));
        registry.enableAccess(legacyFiling);
        assertThat(accessCheck(removed)).isEqualTo("ALLOWED");

        // given the subject's number, its only website
        String id = api.apply("alice", TestData.change(FilingType.CHANGE_WEBSITE, subject, number,
                List.of(new Website("老网站", List.of(kept), "cn-hangzhou", Content.COMPANY, true)), List.of()));
        api.driveToActive("alice", id, TestData.websiteNumber(number, 1));

        assertThat(accessCheck(removed)).isEqualTo("NOT_FILED");
        assertThat(accessCheck(kept)).isEqualTo("ALLOWED");
        assertThat(website(number).get("domains")).extracting(JsonNode::asText).containsExactly(kept);
    }

    @Test
    void aSubjectChangeOfTheContactShowsInTheSubject() {
        FilingApplication app = TestData.enterprise();
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), number);
        Subject changed = new Subject(app.subject().kind(), app.subject().name(), app.subject().idNumber(), "ZJ",
                new Contact("李四", "li@example.com", "13900139000"));
        String id = api.apply("alice", TestData.change(FilingType.CHANGE_SUBJECT, changed, number, List.of(), List.of()));
        api.driveToActive("alice", id, number);
        JsonNode subject = subject(number);
        assertThat(subject.get("contact").get("email").asText()).isEqualTo("li@example.com");
        assertThat(subject.get("icpNumber").asText()).isEqualTo(number);
        assertThat(api.awaitMails(id, 7)).allSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("li@example.com"));
    }

    @Test
    void whatCannotChangeIsReturnedAtItsFieldWithItsRule() {
        FilingApplication app = TestData.enterprise();
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), number);
        Subject moved = new Subject(app.subject().kind(), app.subject().name(), app.subject().idNumber(), "SH", app.subject().contact());
        String id = api.apply("alice", TestData.change(FilingType.CHANGE_SUBJECT, moved, number, List.of(), List.of()));
        JsonNode returned = api.filing("alice", id);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        JsonNode reason = returned.get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("FIELD_NOT_CHANGEABLE");
        assertThat(reason.get("field").asText()).isEqualTo("subject.province");
        assertThat(reason.get("rule").asText()).isEqualTo("CHECK_FIELD_NOT_CHANGEABLE");
        assertThat(reason.get("source").asText()).isNotBlank();
        assertThat(api.http().post("alice", "/api/filings/" + id + "/withdrawal", "").status()).isEqualTo(200);

        String added = TestData.domain();
        String addDomain = api.apply("alice", TestData.change(FilingType.CHANGE_WEBSITE, app.subject(), TestData.websiteNumber(number, 1),
                List.of(new Website("示例官网", List.of(app.websites().get(0).domains().get(0), added), "cn-hangzhou", Content.COMPANY, true)),
                List.of()));
        JsonNode refused = api.filing("alice", addDomain);
        assertThat(refused.get("reasons")).extracting(r -> r.get("code").asText() + "@" + r.get("field").asText())
                .contains("FIELD_NOT_CHANGEABLE@websites[0].domains[1]");
        assertThat(subject(number).get("websites").get(0).get("domains")).hasSize(1);
    }

    @Test
    void aChangeBesideAnotherApplicationIsRefusedAndAnotherCallersNumberIsNotOurs() {
        FilingApplication app = TestData.enterprise();
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), number);
        api.apply("alice", new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", app.subject(), TestData.enterprise().websites(), null, null));
        Subject renamed = new Subject(app.subject().kind(), "改名科技有限公司", app.subject().idNumber(), "ZJ", app.subject().contact());
        FilingApplication change = TestData.change(FilingType.CHANGE_SUBJECT, renamed, number, List.of(), List.of());
        Http.Response busy = api.http().post("alice", "/api/filings", api.json("alice", change));
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().get("code").asText()).isEqualTo("APPLICATION_IN_PROGRESS");
        String bobs = api.apply("bob", change);
        JsonNode returned = api.filing("bob", bobs);
        assertThat(returned.get("reasons")).extracting(r -> r.get("code").asText()).containsExactly("NUMBER_NOT_OURS");
        assertThat(subject(number).get("name").asText()).isEqualTo(app.subject().name());
    }

    @Test
    void aWebsiteChangeOfASubjectWithTwoWebsitesNeedsTheWebsitesNumber() {
        FilingApplication app = TestData.enterprise();
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), number);
        api.driveToActive("alice", api.apply("alice", new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", app.subject(),
                TestData.enterprise().websites(), null, null)), number);
        Http.Response refused = api.http().post("alice", "/api/filings", api.json("alice", TestData.change(FilingType.CHANGE_WEBSITE, app.subject(),
                number, app.websites(), List.of())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("icpNumber");
        assertThat(refused.json().get("errors").get(0).get("code").asText()).isEqualTo("WEBSITE_NUMBER_REQUIRED");
    }

    private String accessCheck(String domain) {
        Http.Response check = api.http().post("alice", "/api/access-checks", Http.json(java.util.Map.of("domain", domain, "product", "ANTI_DDOS")));
        assertThat(check.status()).as(check.body()).isEqualTo(201);
        return check.json().get("outcome").asText();
    }

    private JsonNode subject(String number) {
        Http.Response subject = api.http().get("alice", "/api/subjects/" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        assertThat(subject.status()).isEqualTo(200);
        return subject.json();
    }

    private JsonNode website(String number) {
        return subject(number).get("websites").get(0);
    }
}
