package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicants' console in Debian's Chromium, in Chinese and in English: sign-in (applicants only),
 * the applications and subjects, a new application with service number, checklist uploads and identity
 * verification, a returned one corrected at its field, access check and diagnosis, the mails; what the
 * console must refuse (a reviewer, another applicant's filing, a change without the CSRF token).
 */
@ApiTest
class ConsoleBrowserIT {

    @Autowired ApiDriver api;
    @LocalServerPort int port;

    @Test
    void anApplicantSignsInAndSeesTheirApplicationsAndSubjects() {
        String filing = api.apply("alice", TestData.enterprise());
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.go("/console/");
            browser.await(By.id("sign-in"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("申请人登录");
            browser.screenshot("console-zh-1-login");
            signIn(browser, "alice");
            WebElement row = browser.await(By.cssSelector("#filings tr[data-id='" + filing + "']"));
            assertThat(row.getText()).contains("首次备案").contains("接入商审核中");
            assertThat(browser.driver().findElement(By.id("nav-filings")).getText()).isEqualTo("我的申请");
            browser.screenshot("console-zh-2-applications");

            browser.click(By.id("lang"));
            browser.until(d -> d.findElement(By.id("nav-filings")).getText().equals("My applications"));
            assertThat(browser.await(By.cssSelector("#filings tr[data-id='" + filing + "']")).getText()).contains("Under review by us");
            browser.screenshot("console-en-2-applications");

            browser.click(By.id("sign-out"));
            browser.await(By.id("logged-out"));
            browser.go("/console/#/filings/" + filing);
            browser.await(By.id("sign-in"));
        }
    }

    @Test
    void staffAndTheGatewaysAreRefusedAtTheDoor() {
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.go("/console/login");
            browser.await(By.id("sign-in"));
            browser.screenshot("console-en-1-login");
            for (String user : List.of("reviewer", "regulator", "admin")) {
                browser.go("/console/login");
                signInAs(browser, user);
                WebElement refused = browser.await(By.id("refused"));
                assertThat(refused.getText()).contains("The console is for applicants");
                assertThat(browser.driver().getCurrentUrl()).contains("/console/login?refused");
            }
            browser.screenshot("console-en-1-reviewer-refused");
            browser.go("/console/login");
            browser.await(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("wrong");
            browser.driver().findElement(By.id("sign-in")).click();
            assertThat(browser.await(By.id("error")).getText()).contains("Wrong user name or password");
        }
    }

    @Test
    void anApplicationFiledInTheBrowserGoesThroughVerificationToReview() throws IOException {
        Path png = Files.write(Files.createTempFile("licence", ".png"), TestData.PNG);
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.go("/console/");
            signIn(browser, "bob");
            browser.click(By.id("nav-apply"));
            browser.await(By.id("application"));
            // sent without a name: the problem appears at that field
            browser.await(By.id("f-subject_idNumber")).sendKeys(TestData.uscc());
            change(browser, "f-subject_idNumber");
            browser.click(By.id("submit"));
            WebElement problem = browser.await(By.cssSelector("[data-field='subject.name'] .field-problem"));
            assertThat(problem.getText()).contains("REQUIRED");
            assertThat(browser.driver().findElement(By.id("form-error")).getText()).contains("处需要修改");
            both(browser, "6-field-error");

            type(browser, "f-subject_name", "杭州控制台科技有限公司");
            // a principal the suite's verification simulator leaves to the endpoint, so the sessions stay on the page
            type(browser, "f-subject_contact_name", ApiTest.UNANSWERED);
            type(browser, "f-subject_contact_mobile", "13800138001");
            type(browser, "f-subject_contact_email", "zhao@example.com");
            type(browser, "f-websites_0__name", "控制台官网");
            type(browser, "f-websites_0__domains", TestData.domain());
            browser.click(By.cssSelector("[data-new-number='websites[0].serviceNumber']"));
            browser.until(d -> !new org.openqa.selenium.support.ui.Select(d.findElement(By.id("f-websites_0__serviceNumber")))
                    .getFirstSelectedOption().getText().equals("—"));
            // every line of the checklist gets its upload, each with its rule
            List<WebElement> lines = browser.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#checklist .material"));
                return found.size() >= 5 ? found : null;
            });
            assertThat(lines.get(0).getText()).contains("营业执照").contains("MATERIAL_BUSINESS_LICENSE");
            for (int i = 0; i < lines.size(); i++) {
                int line = i;
                browser.driver().findElement(By.cssSelector("[data-upload='" + line + "']")).sendKeys(png.toString());
                browser.until(d -> d.findElement(By.cssSelector(".material[data-line='" + line + "'] .uploaded")).getText().contains("已上传") ? Boolean.TRUE : null);
            }
            assertThat(browser.driver().findElement(By.id("verification-note")).getText()).contains("主体负责人");
            both(browser, "4-new-application");
            browser.click(By.id("submit"));

            WebElement sessions = browser.await(By.id("sessions"));
            assertThat(sessions.getText()).contains("主体负责人").contains("网站负责人").contains("剩余");
            assertThat(browser.driver().findElement(By.cssSelector("[data-status]")).getAttribute("data-status")).isEqualTo("IDENTITY_VERIFICATION");
            both(browser, "5-verification");
            // the verification service reports both principals passed: the page, reloaded, is at the review
            String id = browser.driver().getCurrentUrl().replaceAll(".*#/filings/", "");
            for (JsonNode session : api.filing("bob", id).get("verification").get("sessions")) {
                assertThat(api.verificationResult("r-" + session.get("id").asText(), session.get("id").asText(), true, null).status()).isEqualTo(202);
            }
            browser.until(d -> {
                d.navigate().refresh();
                return d.findElements(By.cssSelector("#status [data-status='PROVIDER_REVIEW']")).isEmpty() ? null : Boolean.TRUE;
            });
            assertThat(browser.driver().findElement(By.id("next-step")).getText()).contains("审核");
            assertThat(browser.driver().findElement(By.id("due")).getText()).contains("接入商审核");
            both(browser, "7-under-review");
        }
    }

    @Test
    void aReturnedApplicationShowsEachReasonAtItsFieldAndIsCorrectedThere() {
        FilingApplication app = TestData.enterprise("expired-domain.cn");
        Http.Response created = api.http().post("alice", "/api/filings", api.json("alice", app));
        String id = created.json().get("id").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("RETURNED");
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.go("/console/#/filings/" + id);
            signIn(browser, "alice");
            browser.go("/console/#/filings/" + id);
            WebElement reason = browser.await(By.cssSelector("#reasons .reason[data-code='DOMAIN_EXPIRED']"));
            assertThat(reason.getText()).contains("websites[0].domains[0]").contains("Rule");
            both(browser, "3-returned");

            browser.click(By.id("correct"));
            WebElement atField = browser.await(By.cssSelector("[data-field='websites[0].domains'] .field-problem"));
            assertThat(atField.getText()).contains("DOMAIN_EXPIRED");
            both(browser, "4-corrected-at-its-field");
            type(browser, "f-websites_0__domains", TestData.domain());
            browser.click(By.id("submit"));
            browser.until(d -> d.findElements(By.cssSelector("#status [data-status='RETURNED']")).isEmpty()
                    && !d.findElements(By.cssSelector("#status [data-status]")).isEmpty() ? Boolean.TRUE : null);
        }
        JsonNode corrected = api.awaitVerified("alice", id);
        assertThat(corrected.get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(corrected.get("reasons")).isEmpty();
    }

    @Test
    void anotherApplicantsFilingByUrlIsNotFound() {
        String bobs = api.apply("bob", TestData.enterprise());
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.go("/console/");
            signIn(browser, "alice");
            browser.go("/console/#/filings/" + bobs);
            assertThat(browser.await(By.id("not-found")).getText()).contains("not yours");
            browser.go("/console/#/filings/" + bobs + "/correct");
            browser.driver().navigate().refresh();
            assertThat(browser.await(By.id("not-found")).getText()).contains("not yours");
            both(browser, "8-not-yours");
        }
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.go("/console/");
            signIn(browser, "alice");
            browser.await(By.id("nav-filings"));
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest withoutToken = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/filings"))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(api.json("alice", TestData.enterprise()))).build();
            assertThat(client.send(withoutToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            // only Basic credentials stand in for the token, not any Authorization header
            HttpRequest otherScheme = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/filings"))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer anything")
                    .POST(HttpRequest.BodyPublishers.ofString(api.json("alice", TestData.enterprise()))).build();
            assertThat(client.send(otherScheme, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            HttpRequest read = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/filings"))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build();
            assertThat(client.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).as("the session reads").isEqualTo(200);
            HttpRequest logoutWithoutToken = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/logout"))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).POST(HttpRequest.BodyPublishers.noBody()).build();
            assertThat(client.send(logoutWithoutToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void accessCheckDiagnosisAndMails() {
        String id = api.apply("alice", TestData.enterprise());
        api.awaitMails(id, 3);
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.go("/console/");
            signIn(browser, "alice");
            browser.click(By.id("nav-access"));
            browser.await(By.id("domain")).sendKeys("not-filed-anywhere.cn");
            browser.click(By.id("check"));
            assertThat(browser.await(By.id("outcome")).getText()).contains("NOT_FILED");
            browser.click(By.id("diagnose"));
            assertThat(browser.await(By.cssSelector("#findings .reason")).getAttribute("data-code")).isEqualTo("NOT_FILED");
            both(browser, "9-access-and-diagnosis");

            browser.click(By.id("nav-mails"));
            WebElement mails = browser.await(By.id("mails"));
            assertThat(mails.getText()).contains(id).contains("zhang@example.com");
            browser.click(By.cssSelector("[data-mail='0']"));
            browser.await(By.cssSelector("#mail iframe"));
            both(browser, "10-mails");
        }
    }

    @Test
    void anActiveWebsiteIsChangedAndThenCancelledFromItsPage() {
        FilingApplication app = TestData.enterprise();
        String active = api.apply("alice", app);
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", active, number);
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.go("/console/");
            signIn(browser, "alice");
            browser.go("/console/#/filings/" + active);
            browser.click(By.cssSelector("[data-start='CHANGE_WEBSITE:0']"));
            assertThat(browser.await(By.id("fixed-type")).getText()).isEqualTo("变更网站");
            assertThat(browser.await(By.id("f-icpNumber")).getAttribute("value")).isEqualTo(TestData.websiteNumber(number, 1));
            type(browser, "f-websites_0__name", "改版后的官网");
            both(browser, "8-change-a-website");
            browser.click(By.id("submit"));
            browser.await(By.cssSelector("#status [data-status]"));
            String change = browser.driver().getCurrentUrl().replaceAll(".*#/filings/", "");
            JsonNode changed = api.awaitVerified("alice", change);
            assertThat(changed.get("type").asText()).isEqualTo("CHANGE_WEBSITE");
            assertThat(changed.get("status").asText()).isEqualTo("PROVIDER_REVIEW");
            assertThat(changed.get("websites").get(0).get("name").asText()).isEqualTo("改版后的官网");

            // withdrawn from its page (the browser's confirm answered), the website can be cancelled
            browser.driver().navigate().refresh();
            browser.click(By.id("withdraw"));
            browser.driver().switchTo().alert().accept();
            browser.await(By.cssSelector("#status [data-status='WITHDRAWN']"));
            browser.go("/console/#/filings/" + active);
            browser.click(By.cssSelector("[data-start='CANCEL_WEBSITE:0']"));
            type(browser, "f-reason", "网站不再运营");
            browser.click(By.id("submit"));
            browser.await(By.cssSelector("#status [data-status='PROVIDER_REVIEW']"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("注销网站");
            assertThat(browser.driver().findElements(By.id("sessions"))).as("a cancellation is not identity-verified").isEmpty();
            both(browser, "9-cancellation");
        }
    }

    @Test
    void theApplicantOpensNewVerificationLinks() {
        FilingApplication app = TestData.enterprise();
        String id = api.applyAwaitingVerification("bob", TestData.withSubject(app, new FilingApplication.Subject(app.subject().kind(),
                app.subject().name(), app.subject().idNumber(), app.subject().province(),
                new FilingApplication.Contact(ApiTest.UNANSWERED, "bob@example.com", "13900000001"))));
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.go("/console/");
            signIn(browser, "bob");
            browser.go("/console/#/filings/" + id);
            String before = browser.await(By.cssSelector("#sessions .session")).getAttribute("data-session");
            assertThat(browser.driver().findElement(By.cssSelector("#sessions .countdown")).getText()).matches("\\d+:\\d\\d left");
            both(browser, "5-verification-renew");
            browser.click(By.id("renew"));
            browser.until(d -> !d.findElement(By.cssSelector("#sessions .session")).getAttribute("data-session").equals(before) ? Boolean.TRUE : null);
            assertThat(api.filing("bob", id).get("verification").get("sessions").get(0).get("id").asText()).isNotEqualTo(before);
        }
    }

    @Test
    void aWebsiteAndAnAppAreFiledTogetherWithTheAppsFeatureData() throws IOException {
        Path png = Files.write(Files.createTempFile("icon", ".png"), TestData.PNG);
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.go("/console/");
            signIn(browser, "alice");
            browser.go("/console/#/apply");
            browser.await(By.id("application"));
            type(browser, "f-subject_name", "杭州应用科技有限公司");
            type(browser, "f-subject_idNumber", TestData.uscc());
            type(browser, "f-subject_contact_name", "钱七");
            type(browser, "f-subject_contact_mobile", "13800138002");
            type(browser, "f-subject_contact_email", "qian@example.com");
            type(browser, "f-websites_0__name", "应用官网");
            type(browser, "f-websites_0__domains", TestData.domain());
            browser.click(By.cssSelector("[data-new-number='websites[0].serviceNumber']"));
            browser.await(By.id("f-websites_0__serviceNumber"));
            browser.click(By.id("add-app"));
            type(browser, "f-apps_0__name", "应用App");
            type(browser, "f-apps_0__platforms_0__packageName", TestData.packageName());
            type(browser, "f-apps_0__platforms_0__md5", TestData.hex(32));
            type(browser, "f-apps_0__platforms_0__publicKey", TestData.PUBLIC_KEY);
            browser.click(By.cssSelector("[data-new-number='apps[0].serviceNumber']"));
            browser.until(d -> !new org.openqa.selenium.support.ui.Select(d.findElement(By.id("f-apps_0__serviceNumber")))
                    .getFirstSelectedOption().getText().equals("—"));
            List<WebElement> lines = browser.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#checklist .material"));
                return found.stream().anyMatch(l -> l.getText().contains("App icon")) ? found : null;
            });
            for (int i = 0; i < lines.size(); i++) {
                int line = i;
                browser.driver().findElement(By.cssSelector("[data-upload='" + line + "']")).sendKeys(png.toString());
                browser.until(d -> d.findElement(By.cssSelector(".material[data-line='" + line + "'] .uploaded")).getText().contains("uploaded") ? Boolean.TRUE : null);
            }
            both(browser, "11-website-and-app");
            browser.click(By.id("submit"));
            browser.await(By.cssSelector("#status [data-status]"));
            String id = browser.driver().getCurrentUrl().replaceAll(".*#/filings/", "");
            JsonNode filed = api.awaitVerified("alice", id);
            assertThat(filed.get("status").asText()).as(filed.toString()).isEqualTo("PROVIDER_REVIEW");
            assertThat(filed.get("apps").get(0).get("name").asText()).isEqualTo("应用App");
            assertThat(filed.get("apps").get(0).get("platforms")).extracting(JsonNode::asText).containsExactly("ANDROID");
        }
    }

    /**
     * The page as it is, in this language and in the other: console-zh-NAME.png and console-en-NAME.png
     * (the switch redraws the page, a form with what was typed); then back to the first language.
     */
    private static void both(Browser browser, String name) {
        for (int i = 0; i < 2; i++) {
            String nav = browser.driver().findElement(By.id("nav-filings")).getText();
            String renders = browser.driver().findElement(By.tagName("body")).getAttribute("data-renders");
            browser.screenshot("console-" + (nav.equals("我的申请") ? "zh" : "en") + "-" + name);
            browser.click(By.id("lang"));
            browser.until(d -> !d.findElement(By.id("nav-filings")).getText().equals(nav)
                    && !String.valueOf(renders).equals(d.findElement(By.tagName("body")).getAttribute("data-renders")) ? Boolean.TRUE : null);
        }
    }

    private static void signIn(Browser browser, String user) {
        signInAs(browser, user);
        browser.await(By.id("nav-filings"));
        browser.until(d -> d.findElement(By.tagName("body")).getAttribute("data-loaded") != null ? Boolean.TRUE : null);
    }

    private static void signInAs(Browser browser, String user) {
        browser.await(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(user);
        browser.driver().findElement(By.id("sign-in")).click();
    }

    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.await(By.id(id));
        field.clear();
        field.sendKeys(text);
        change(browser, id);
    }

    /** The form keeps a field's value on its change event: the browser sends it when the field loses focus. */
    private static void change(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", browser.driver().findElement(By.id(id)));
    }
}
