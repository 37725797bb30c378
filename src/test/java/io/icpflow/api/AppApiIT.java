package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** App filings (API.md "Apps") over HTTP: the body as API.md spells it, numbers …号-nA, the refusals, CHANGE_APP and CANCEL_APP. */
@ApiTest
class AppApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A NEW_FILING with a website and an app, in API.md's JSON, each with a service number of alice's, read
     * as the API reads it and given the checklist's materials.
     */
    private String body(String uscc, String domain, String identifier, String md5) {
        try {
            return Http.json(api.http().withMaterials("alice", JSON.readValue(text(uscc, domain, identifier, md5), FilingApplication.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String text(String uscc, String domain, String identifier, String md5) {
        return """
                {"type": "NEW_FILING", "locale": "zh-CN",
                 "subject": {"kind": "ENTERPRISE", "name": "杭州应用科技有限公司", "idNumber": "%s", "province": "ZJ",
                             "contact": {"name": "张三", "email": "zhang@example.com", "mobile": "13800138000"}},
                 "websites": [{"name": "示例官网", "domains": ["%s"], "serverRegion": "cn-hangzhou", "content": "COMPANY", "domainCertificate": true,
                               "serviceNumber": "%s"}],
                 "apps": [{"name": "示例App", "content": "COMPANY", "serverRegion": "cn-hangzhou", "serviceNumber": "%s",
                           "platforms": [{"platform": "ANDROID", "packageName": "%s", "publicKey": "%s", "md5": "%s"},
                                         {"platform": "IOS", "bundleId": "%s", "publicKey": "%s", "sha1": "%s"}]}]}
                """.formatted(uscc, domain, api.serviceNumber("alice"), api.serviceNumber("alice"), identifier, TestData.PUBLIC_KEY, md5, identifier,
                TestData.PUBLIC_KEY, TestData.hex(40));
    }

    @Test
    void aWebsiteAndAnAppFiledTogetherGetNumbersFromOneSequence() {
        String identifier = TestData.packageName();
        Http.Response created = api.http().post("alice", "/api/filings", body(TestData.uscc(), TestData.domain(), identifier, TestData.hex(32)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode app = created.json().get("apps").get(0);
        assertThat(app.get("name").asText()).isEqualTo("示例App");
        assertThat(app.get("platforms")).extracting(JsonNode::asText).containsExactly("ANDROID", "IOS");

        String number = TestData.newSubjectNumber();
        JsonNode active = api.driveToActive("alice", id, number);
        assertThat(active.get("websites").get(0).get("icpNumber").asText()).isEqualTo(number + "-1");
        assertThat(active.get("apps").get(0).get("icpNumber").asText()).isEqualTo(number + "-2A");
        JsonNode subject = subject(number);
        assertThat(subject.get("apps").get(0).get("icpNumber").asText()).isEqualTo(number + "-2A");
        assertThat(subject.get("apps").get(0).get("platforms")).extracting(JsonNode::asText).containsExactlyInAnyOrder("ANDROID", "IOS");
        assertThat(subject.get("apps").get(0).get("status").asText()).isEqualTo("ACTIVE");
        List<MimeMessage> mails = api.awaitMails(id, 6);
        assertThat(mails).anySatisfy(m -> assertThat(MailText.of(m)).contains(number + "-2A"));
    }

    @Test
    void malformedFeatureDataIsA400NamingTheFieldAndCreatesNothing() {
        long before = filings();
        Http.Response refused = api.http().post("alice", "/api/filings", body(TestData.uscc(), TestData.domain(), "com.example.app", "not-md5"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asText() + ":" + e.get("code").asText())
                .containsExactly("apps[0].platforms[0].md5:INVALID_FORMAT");
        Http.Response badPackage = api.http().post("alice", "/api/filings", body(TestData.uscc(), TestData.domain(), "no dots", TestData.hex(32)));
        assertThat(badPackage.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("apps[0].platforms[0].packageName", "apps[0].platforms[1].bundleId");
        assertThat(filings()).isEqualTo(before);
    }

    @Test
    void anAppAlreadyFiledIsReturned() {
        String identifier = TestData.packageName();
        api.driveToActive("alice", api.http().post("alice", "/api/filings", body(TestData.uscc(), TestData.domain(), identifier,
                TestData.hex(32))).json().get("id").asText(), TestData.newSubjectNumber());
        String again = api.http().post("alice", "/api/filings", body(TestData.uscc(), TestData.domain(), identifier, TestData.hex(32)))
                .json().get("id").asText();
        JsonNode returned = api.filing("alice", again);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("reasons")).extracting(r -> r.get("code").asText() + "@" + r.get("field").asText())
                .containsExactly("APP_ALREADY_FILED@apps[0].platforms[0].packageName", "APP_ALREADY_FILED@apps[0].platforms[1].bundleId");
    }

    @Test
    void anAppIsChangedAndThenCancelledUnderItsNumber() {
        FilingApplication first = TestData.withApps(TestData.enterprise(), List.of(TestData.app("旧App", TestData.packageName())));
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", first), number);
        String appNumber = number + "-2A";

        App renamed = TestData.app("新App", TestData.packageName());
        String change = api.apply("alice", TestData.change(FilingType.CHANGE_APP, first.subject(), appNumber, List.of(), List.of(renamed)));
        JsonNode changed = api.driveToActive("alice", change, appNumber);
        assertThat(changed.get("apps").get(0).get("icpNumber").asText()).isEqualTo(appNumber);
        assertThat(subject(number).get("apps").get(0).get("name").asText()).isEqualTo("新App");

        String cancel = api.apply("alice", TestData.cancellation(FilingType.CANCEL_APP, first.subject(), appNumber));
        api.review(cancel, "APPROVE", "");
        api.awaitStatus("alice", cancel, "SMS_VERIFICATION");
        api.notice("SMS_VERIFIED", cancel, null, null);
        assertThat(api.notice("FILING_APPROVED", cancel, appNumber, null).status()).isEqualTo(202);
        api.awaitStatus("alice", cancel, "CANCELLED");
        JsonNode subject = subject(number);
        assertThat(subject.get("apps").get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(subject.get("websites").get(0).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void miniProgramAndQuickAppNumbersAreAnsweredAsFiledByTheirPlatform() {
        FilingApplication app = TestData.enterprise();
        Http.Response cancel = api.http().post("alice", "/api/filings",
                Http.json(TestData.cancellation(FilingType.CANCEL_WEBSITE, app.subject(), "浙ICP备2026012345号-3X")));
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.json().get("errors").get(0).get("code").asText()).isEqualTo("FILED_BY_PLATFORM");
        assertThat(cancel.json().get("errors").get(0).get("message").asText()).contains("mini program");

        Http.Response notice = api.http().notice("n-" + java.util.UUID.randomUUID(), "ICP_NUMBER_CANCELLED", null, "浙ICP备2026012345号-4K",
                null, null);
        assertThat(notice.status()).isEqualTo(409);
        assertThat(notice.body()).contains("quick app");
    }

    private long filings() {
        return jdbc.sql("select count(*) from filing").query(Long.class).single();
    }

    private JsonNode subject(String number) {
        Http.Response subject = api.http().get("alice", "/api/subjects/" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        assertThat(subject.status()).isEqualTo(200);
        return subject.json();
    }
}
