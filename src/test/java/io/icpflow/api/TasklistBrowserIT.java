package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingType;
import io.icpflow.materials.MaterialKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reviewer's day in Camunda Tasklist, in Debian's Chromium: log in, find a filing's review task
 * in the team's filter, read the pre-check findings, try to return without a reason (refused by the
 * form), return with one, approve another. An applicant cannot get in.
 */
@ApiTest
class TasklistBrowserIT {

    private static final By USERNAME = By.cssSelector("input[ng-model='username']");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

    @Autowired ApiDriver api;
    @LocalServerPort int port;

    @Test
    void reviewerReturnsOneFilingWithAReasonAndApprovesAnother() {
        FilingApplication app = TestData.enterprise();
        String toReturn = api.apply("alice", app);
        String toApprove = api.apply("alice", TestData.enterprise());
        try (Browser browser = Browser.open(port)) {
            logIn(browser, "reviewer");
            WebElement filter = browser.await(By.xpath("//*[contains(@class,'filter')]//*[contains(text(),'Open reviews 待审核')]"));
            assertThat(filter.getText()).contains("待审核");

            openTask(browser, toReturn);
            WebElement findings = browser.await(By.xpath("//label[contains(.,'Pre-check findings')]/following::textarea[1]"));
            assertThat(findings.getAttribute("value")).contains("new subject").contains("registrar");
            WebElement subject = browser.await(By.xpath("//label[contains(.,'Applicant')]/following::textarea[1]"));
            assertThat(subject.getAttribute("value")).contains(app.subject().name()).contains(app.subject().idNumber());
            browser.screenshot("tasklist-1-review-form");

            // a return without a reason is refused by the form, and nothing reaches the engine
            browser.click(By.xpath("//label[contains(.,'Return to the applicant')]"));
            browser.await(By.xpath("//label[contains(.,'Reasons for the applicant')]/following::textarea[1]"));
            browser.click(COMPLETE);
            browser.await(By.xpath("//*[contains(@class,'fjs-form-field-error') and contains(.,'required')]"));
            browser.screenshot("tasklist-2-return-needs-a-reason");
            assertThat(api.filing("alice", toReturn).get("status").asText()).isEqualTo("PROVIDER_REVIEW");

            // the reviewer opens the review again and returns it with a reason
            browser.driver().navigate().refresh();
            By link = By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[contains(.,'" + toReturn + "')]");
            browser.click(link);
            browser.click(By.xpath("//label[contains(.,'Return to the applicant')]"));
            browser.await(By.xpath("//label[contains(.,'Reasons for the applicant')]/following::textarea[1]"))
                    .sendKeys("网站名称与主办单位不符 The website name does not match the subject");
            browser.click(COMPLETE);
            JsonNode returned = api.awaitStatus("alice", toReturn, "RETURNED");
            assertThat(returned.get("reasons").toString()).contains("网站名称与主办单位不符");

            openTask(browser, toApprove);
            browser.click(By.xpath("//label[contains(.,'Approve 通过')]"));
            browser.click(COMPLETE);
            api.awaitStatus("alice", toApprove, "SMS_VERIFICATION");
            browser.until(d -> d.findElements(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(.,'" + toApprove + "')]")).isEmpty());
            browser.screenshot("tasklist-3-after-approval");
        }
    }

    /** A change's review shows what changes, old beside new; an app's review its feature data. */
    @Test
    void reviewerSeesWhatAChangeChangesAndAnAppsFeatureData() {
        FilingApplication app = TestData.withApps(TestData.enterprise(), List.of(TestData.app("浏览器App", TestData.packageName())));
        String number = TestData.newSubjectNumber();
        api.driveToActive("alice", api.apply("alice", app), number);
        Website renamed = new Website("改名后的官网", app.websites().get(0).domains(), "cn-shanghai", Content.COMPANY, true);
        String change = api.apply("alice", TestData.change(FilingType.CHANGE_WEBSITE, app.subject(), TestData.websiteNumber(number, 1),
                List.of(renamed), List.of()));
        String appFiling = api.apply("alice", TestData.withApps(TestData.enterprise(), List.of(TestData.app("新App", TestData.packageName()))));
        try (Browser browser = Browser.open(port)) {
            logIn(browser, "reviewer");
            openTask(browser, change);
            WebElement changes = browser.await(By.xpath("//label[contains(.,'What changes')]/following::textarea[1]"));
            assertThat(changes.getAttribute("value")).contains("websites[0].name: 示例官网 → 改名后的官网")
                    .contains("websites[0].serverRegion: cn-hangzhou → cn-shanghai");
            browser.screenshot("tasklist-5-change-review");

            openTask(browser, appFiling);
            WebElement websites = browser.await(By.xpath("//label[contains(.,'Websites, domains and apps')]/following::textarea[1]"));
            assertThat(websites.getAttribute("value")).contains("App 1. 新App").contains("ANDROID com.example.t");
            assertThat(browser.driver().findElements(By.xpath("//label[contains(.,'What changes')]"))).isEmpty();
            browser.until(d -> d.findElement(COMPLETE).isEnabled());
            browser.screenshot("tasklist-6-app-review");
        }
    }

    /** The reviewer sees each material with a link that opens it, and returns one material, which comes back at its field. */
    @Test
    void reviewerOpensAMaterialAndRejectsItAlone() {
        FilingApplication provisioned = api.provisioned("alice", TestData.enterprise(), null);
        // a licence a person can look at, in place of the 1-pixel sample
        String licence = api.http().upload("alice", "BUSINESS_LICENSE", null, "licence.png", licenceImage(), "image/png").json().get("id").asText();
        List<FilingApplication.MaterialRef> refs = new java.util.ArrayList<>(provisioned.subject().materials().stream()
                .filter(r -> r.kind() != MaterialKind.BUSINESS_LICENSE).toList());
        refs.add(new FilingApplication.MaterialRef(MaterialKind.BUSINESS_LICENSE, licence));
        FilingApplication app = provisioned.withSubject(provisioned.subject().withMaterials(refs));
        String id = api.apply("alice", app);
        try (Browser browser = Browser.open(port)) {
            logIn(browser, "reviewer");
            openTask(browser, id);
            WebElement materials = browser.await(By.xpath("//label[contains(.,'Materials 材料')]/following::textarea[1]"));
            assertThat(materials.getAttribute("value")).contains("subject · BUSINESS_LICENSE · image/png").contains(licence);
            String link = browser.await(By.cssSelector("a[href='/staff/materials/" + licence + "']")).getAttribute("href");
            // the principals' identity verification, as the service reported it
            WebElement verification = browser.show(By.xpath("//label[contains(.,'Identity verification')]/following::textarea[1]"));
            assertThat(verification.getAttribute("value")).contains("SUBJECT_PRINCIPAL · PASSED at ").contains("WEBSITE_PRINCIPAL · PASSED at ")
                    .contains("round 1 · failures 0");
            browser.screenshot("tasklist-8-verification-result");
            browser.click(By.xpath("//label[contains(.,'Return to the applicant')]"));
            browser.await(By.xpath("//label[contains(.,'Reasons for the applicant')]/following::textarea[1]")).sendKeys("营业执照模糊 not legible");
            browser.await(By.xpath("//label[contains(.,'Rejected materials')]/following::input[1]")).sendKeys(licence);
            browser.screenshot("tasklist-7-reject-a-material");
            browser.click(COMPLETE);
            JsonNode returned = api.awaitStatus("alice", id, "RETURNED");
            assertThat(returned.get("reasons").get(0).get("code").asText()).isEqualTo("MATERIAL_REJECTED");
            assertThat(returned.get("reasons").get(0).get("field").asText()).isEqualTo("subject.materials.BUSINESS_LICENSE");

            // the link opens the upload for the reviewer (the staff sign-in first)
            browser.go(link.replaceFirst("^https?://[^/]+", ""));
            browser.await(By.name("username")).sendKeys("reviewer");
            browser.driver().findElement(By.name("password")).sendKeys("reviewer");
            browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
            browser.until(d -> d.getCurrentUrl().contains("/staff/materials/" + licence));
            assertThat(browser.driver().findElements(By.tagName("img"))).isNotEmpty();
            browser.screenshot("material-1-opened-by-reviewer");
        }
    }

    @Test
    void anApplicantCannotLogIntoTasklist() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/camunda/app/tasklist/default/");
            submitLogin(browser, "alice");
            browser.await(By.xpath("//*[contains(.,'missing access rights to application')]"));
            browser.screenshot("tasklist-4-applicant-refused");
            assertThat(browser.driver().findElements(By.cssSelector("ol.tasks-list"))).isEmpty();
            assertThat(browser.driver().findElement(USERNAME).isDisplayed()).isTrue();
        }
    }

    /** A reviewer whose browser reads Chinese gets Tasklist in Chinese (webapp locale zh; English for labels it lacks). */
    @Test
    void aChineseReviewerReadsTasklistInChinese() {
        String id = api.apply("alice", TestData.enterprise());
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.go("/camunda/app/tasklist/default/");
            browser.await(USERNAME);
            assertThat(browser.driver().findElement(USERNAME).getAttribute("placeholder")).isEqualTo("用户名");
            assertThat(browser.driver().findElement(By.cssSelector("button[type='submit']")).getText()).contains("登录");
            browser.screenshot("tasklist-zh-1-login");
            logIn(browser, "reviewer");
            // Tasklist's own labels in Chinese: "Start process", "Select a task in the list"
            browser.until(d -> d.findElement(By.tagName("body")).getText().contains("启动流程")
                    && d.findElement(By.tagName("body")).getText().contains("在列表中选择任务"));
            openTask(browser, id);
            assertThat(browser.driver().findElement(COMPLETE).getText()).contains("完成");
            browser.screenshot("tasklist-zh-2-review");
        }
    }

    /** Operations whose browser reads Chinese get Cockpit in Chinese (our translation of its labels, locales/zh.json). */
    @Test
    void anOperatorReadsCockpitInChinese() {
        api.apply("alice", TestData.enterprise());
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.go("/camunda/app/cockpit/default/");
            browser.await(USERNAME);
            submitLogin(browser, "ops");
            browser.until(d -> {
                String page = d.findElement(By.tagName("body")).getText();
                return page.contains("运行中的流程实例") && page.contains("流程定义") && page.contains("未解决的事件") ? Boolean.TRUE : null;
            });
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("人工任务").doesNotContain("Running Process Instances");
            browser.screenshot("cockpit-zh-1-dashboard");
            browser.go("/camunda/app/cockpit/default/#/processes");
            browser.until(d -> d.findElement(By.tagName("body")).getText().contains("Application with the provider") ? Boolean.TRUE : null);
            browser.screenshot("cockpit-zh-2-processes");
        }
    }

    private static void logIn(Browser browser, String user) {
        browser.go("/camunda/app/tasklist/default/");
        submitLogin(browser, user);
        try {
            browser.await(By.cssSelector("ol.tasks-list"));
        } catch (org.openqa.selenium.TimeoutException slow) {
            // seen on 2 busy cores: Tasklist stayed on its spinner, or took the keys before its form was bound;
            // a person reloads and, back on the login form, logs in again
            browser.driver().navigate().refresh();
            if (!browser.driver().findElements(USERNAME).isEmpty() && browser.driver().findElement(USERNAME).isDisplayed()) {
                submitLogin(browser, user);
            }
            browser.await(By.cssSelector("ol.tasks-list"));
        }
    }

    /**
     * Types the credentials until the form holds them, then logs in: Tasklist re-renders its login form when
     * its translations arrive, and keys typed into the form it replaces are lost or land in the wrong field.
     */
    private static void submitLogin(Browser browser, String user) {
        By password = By.cssSelector("input[ng-model='password']");
        browser.until(d -> {
            try {
                WebElement name = d.findElement(USERNAME);
                name.clear();
                name.sendKeys(user);
                WebElement secret = d.findElement(password);
                secret.clear();
                secret.sendKeys(user);
                return user.equals(d.findElement(USERNAME).getAttribute("value")) && user.equals(d.findElement(password).getAttribute("value"));
            } catch (org.openqa.selenium.WebDriverException replaced) {
                return false;
            }
        });
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** The newest tasks come first: the filing's review is found in the list by the id in its name. */
    private static void openTask(Browser browser, String filingId) {
        By link = By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[contains(.,'" + filingId + "')]");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (browser.driver().findElements(link).isEmpty()) {
                browser.driver().navigate().refresh();
                return false;
            }
            return true;
        });
        browser.click(link);
        // the reviewer takes the task before deciding, as Tasklist asks
        browser.click(By.cssSelector("button.claim"));
        browser.await(COMPLETE);
        dismissNotifications(browser);
    }

    private static byte[] licenceImage() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xFFF8E7));
        g.fillRect(0, 0, 640, 400);
        g.setColor(new java.awt.Color(0xB22222));
        g.drawRect(20, 20, 600, 360);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 40));
        g.drawString("营业执照 (样本)", 180, 110);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 22));
        g.drawString("Business licence — test sample", 170, 170);
        g.drawString("名称：杭州示例科技有限公司", 60, 240);
        g.drawString("统一社会信用代码：91330100MA2XXXXX1B", 60, 290);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Tasklist's messages ("claimed", "completed") sit over the lower form fields of a long form until closed. */
    private static void dismissNotifications(Browser browser) {
        for (WebElement close : browser.driver().findElements(By.cssSelector("div.alert button.close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (org.openqa.selenium.WebDriverException gone) {
                // it closed itself
            }
        }
    }
}
