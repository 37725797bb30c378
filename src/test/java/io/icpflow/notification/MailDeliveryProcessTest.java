package io.icpflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** bpmn/mail-delivery.bpmn: a queued mail goes out once; an SMTP outage retries, then an incident, then recovers. */
@EngineTest
class MailDeliveryProcessTest {

    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired GreenMail smtp;
    @Autowired JdbcClient jdbc;

    @Test
    void queuedMailIsSentOnceOverSmtp() throws Exception {
        String filingId = UUID.randomUUID().toString();
        String outboxId = queue(filingId, "en");
        ProcessInstance delivery = driver.instance(outboxId, MailDeliveryProcess.KEY);
        assertThat(delivery).isWaitingAt(MailDeliveryProcess.Elements.SEND);
        assertThat(statusOf(outboxId)).isEqualTo("QUEUED");

        driver.runAsyncJobs(outboxId);
        assertThat(delivery).isEnded().hasPassed(MailDeliveryProcess.Elements.END_SENT);
        assertThat(statusOf(outboxId)).isEqualTo("SENT");
        MimeMessage mail = received(filingId);
        assertThat(mail.getSubject()).isEqualTo("ICP filing " + filingId + ": reminder");
        assertThat(mail.getMessageID()).isEqualTo("<" + outboxId + "@provider.example>");
        assertThat(GreenMailUtil.getBody(mail)).contains("Public Security filing");
    }

    @Test
    void smtpOutageRetriesThenRaisesAnIncidentAndTheMailGoesOutOnceAfterRecovery() throws Exception {
        String filingId = UUID.randomUUID().toString();
        String outboxId = queue(filingId, "zh-CN");
        String instanceId = driver.instance(outboxId, MailDeliveryProcess.KEY).getId();
        smtp.stop();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                Job job = management.createJobQuery().processInstanceId(instanceId).singleResult();
                assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
            }
            assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isEqualTo(1);
            assertThat(statusOf(outboxId)).isEqualTo("QUEUED");
            // the history keeps each failed attempt and the incident (process.ProductHistoryLevel)
            assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).failureLog().count()).isEqualTo(3);
            assertThat(history.createHistoricIncidentQuery().processInstanceId(instanceId).count()).isEqualTo(1);
        } finally {
            smtp.start();
        }
        Job failed = management.createJobQuery().processInstanceId(instanceId).noRetriesLeft().singleResult();
        management.setJobRetries(failed.getId(), 1);
        management.executeJob(failed.getId());
        assertThat(statusOf(outboxId)).isEqualTo("SENT");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(filingId)).count()).isEqualTo(1);
        assertThat(subject(received(filingId))).isEqualTo("ICP备案 " + filingId + "：提醒");
    }

    @Test
    void aMailSentAgainAfterACrashIsTheSameMessage() throws Exception {
        String filingId = UUID.randomUUID().toString();
        String outboxId = queue(filingId, "en");
        driver.runAsyncJobs(outboxId);
        // the crash: SMTP took the mail, the process died before the SENT mark committed; the job runs again
        jdbc.sql("update mail_outbox set status = 'QUEUED', sent_at = null where id = ?").param(outboxId).update();
        runtime.startProcessInstanceByKey(MailDeliveryProcess.KEY, outboxId);
        driver.runAsyncJobs(outboxId);
        List<MimeMessage> copies = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(filingId)).toList();
        assertThat(copies).hasSize(2);
        assertThat(copies).extracting(MimeMessage::getMessageID).containsOnly("<" + outboxId + "@provider.example>");
    }

    private String queue(String filingId, String locale) {
        Locale l = "en".equals(locale) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return transactions.execute(tx -> outbox.enqueue(new OutgoingMail(filingId, "applicant@example.com", l, "reminder",
                Map.of("filingId", filingId, "statusLabel", "Active (ACTIVE)", "contactName", "Zhang San",
                        "reminder", "Please make your Public Security filing."),
                "mail.subject.reminder", new Object[]{filingId})));
    }

    private String statusOf(String outboxId) {
        return jdbc.sql("select status from mail_outbox where id = ?").param(outboxId).query(String.class).single();
    }

    private MimeMessage received(String filingId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(filingId)).findFirst().orElseThrow();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
