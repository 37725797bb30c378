package io.icpflow.process;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.calendar.EngineClock;
import io.icpflow.notification.MailDeliveryProcess;
import io.icpflow.notification.MailOutbox;
import io.icpflow.notification.OutgoingMail;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing grows for ever: the engine's history goes after its time to live, our own tables after theirs. */
@EngineTest
class RetentionTest {

    @Autowired Retention retention;
    @Autowired JdbcClient jdbc;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired ProcessDriver driver;

    @Test
    void sentMailAndOldNoticesGoQueuedMailStays() {
        OffsetDateTime now = EngineClock.nowInChina();
        String oldSent = mail("SENT", now.minusDays(91));
        String recentSent = mail("SENT", now.minusDays(10));
        String oldQueued = mail("QUEUED", null);
        jdbc.sql("update mail_outbox set created_at = ? where id = ?").params(now.minusDays(200), oldQueued).update();
        String oldNotice = notice(now.minusDays(401));
        String recentNotice = notice(now.minusDays(30));

        retention.removeExpired();

        assertThat(count("mail_outbox", "id", oldSent)).isZero();
        assertThat(count("mail_outbox", "id", recentSent)).isOne();
        assertThat(count("mail_outbox", "id", oldQueued)).isOne();
        assertThat(count("regulator_notice", "notification_id", oldNotice)).isZero();
        assertThat(count("regulator_notice", "notification_id", recentNotice)).isOne();
    }

    @Test
    void historyPastItsTimeToLiveIsCleanedUp() {
        // the batch window is configured, so the engine keeps a cleanup job
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
        // a mail delivery of two years ago (historyTimeToLive P30D or more, removal time from the start)
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(730))));
        String old = deliver();
        ClockUtil.reset();
        String recent = deliver();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old).count()).isOne();

        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recent).count()).isOne();
    }

    private String deliver() {
        String filingId = UUID.randomUUID().toString();
        String id = transactions.execute(tx -> outbox.enqueue(new OutgoingMail(filingId, "applicant@example.com", Locale.ENGLISH,
                "reminder", Map.of("filingId", filingId, "statusLabel", "Active (ACTIVE)", "contactName", "Zhang San",
                "reminder", "Please make your Public Security filing."), "mail.subject.reminder", new Object[]{filingId})));
        driver.runAsyncJobs(id);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(MailDeliveryProcess.KEY).finished().count()).isOne();
        return id;
    }

    private String mail(String status, OffsetDateTime sentAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into mail_outbox (id, filing_id, recipient, subject, body_text, body_html, status, created_at, sent_at)
                        values (?, null, 'a@example.com', 's', 't', 'h', ?, ?, ?)""")
                .params(id, status, sentAt == null ? OffsetDateTime.now() : sentAt, sentAt).update();
        return id;
    }

    private String notice(OffsetDateTime receivedAt) {
        String id = "n-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into regulator_notice (notification_id, type, filing_id, payload, outcome, detail, received_at)
                        values (?, 'SMS_VERIFIED', null, '{}', 'UNMATCHED', null, ?)""")
                .params(id, receivedAt).update();
        return id;
    }

    private long count(String table, String column, String id) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(id).query(Long.class).single();
    }
}
