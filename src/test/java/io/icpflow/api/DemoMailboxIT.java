package io.icpflow.api;

import io.icpflow.IcpApplication;
import io.icpflow.OwnJvm;
import io.icpflow.TestData;
import io.icpflow.notification.DemoMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo as a newcomer starts it: its own SMTP server keeps every mail (no incidents), admin reads
 * them at /demo/mailbox/; naming a mail server turns it off.
 */
@OwnJvm
class DemoMailboxIT {

    @TempDir
    Path dataDir;

    @Test
    void theDemoKeepsEveryMailAndAdminReadsThem() throws IOException {
        int smtp = freePort();
        try (ConfigurableApplicationContext app = start("--icp.mailbox.port=" + smtp)) {
            DemoMailbox mailbox = app.getBean(DemoMailbox.class);
            assertThat(mailbox.running()).isTrue();
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Http http = new Http(port);
            String id = http.post("alice", "/api/filings", http.json("alice", TestData.enterprise())).json().get("id").asText();
            // SUBMITTED, IDENTITY_VERIFICATION (the simulator passes it) and PROVIDER_REVIEW: three mails, delivered by the job
            // executor to the app's own SMTP server
            await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.mails().stream().filter(m -> m.subject().contains(id)).count() == 3);
            assertThat(mailbox.mailsTo("zhang@example.com")).isNotEmpty();
            assertThat(http.get("admin", "/engine-rest/incident/count").json().get("count").asInt()).isZero();

            try (Browser browser = Browser.open(port)) {
                browser.goAs("admin", "admin", "/demo/mailbox/");
                browser.await(By.id("mails"));
                assertThat(browser.driver().findElement(By.id("mails")).getText()).contains(id).contains("zhang@example.com");
                browser.screenshot("mailbox-1-admin");
                browser.click(By.xpath("//table[@id='mails']//a[contains(., '" + id + "')]"));
                assertThat(browser.await(By.id("body")).getText()).contains(id);
                browser.screenshot("mailbox-2-mail");
            }
            try (Browser browser = Browser.open(port)) {
                browser.goAs("alice", "alice", "/demo/mailbox/");
                browser.await(By.id("denied"));
                browser.screenshot("mailbox-3-applicant-refused");
                assertThat(browser.driver().findElements(By.id("mails"))).isEmpty();
            }
        }
    }

    @Test
    void namingAMailServerLeavesThePortAlone() throws IOException {
        int smtp = freePort();
        try (ConfigurableApplicationContext app = start("--spring.mail.port=" + smtp)) {
            assertThat(app.getBean(DemoMailbox.class).running()).isFalse();
            assertThat(listening(smtp)).isFalse();
        }
    }

    private ConfigurableApplicationContext start(String mail) {
        return new SpringApplicationBuilder(IcpApplication.class).run(
                "--server.port=0",
                "--icp.data-dir=" + dataDir,
                "--icp.regulator.simulator.enabled=false", "--icp.resources.demo-instances=100", "--icp.limits.enabled=false",
                mail, "--icp.verification.simulator.delay=PT0.5S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
