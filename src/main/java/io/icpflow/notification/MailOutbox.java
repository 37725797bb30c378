package io.icpflow.notification;

import org.camunda.bpm.engine.RuntimeService;
import io.icpflow.calendar.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Queues a mail in the transaction of the change it reports: the outbox row and the delivery
 * process instance commit together with the status change, or not at all. Sending happens later,
 * in a job of its own, so an SMTP outage delays mail and never fails or loses anything.
 */
@Component
public class MailOutbox {

    private final JdbcClient jdbc;
    private final MailComposer composer;
    private final RuntimeService runtime;

    MailOutbox(JdbcClient jdbc, MailComposer composer, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.composer = composer;
        this.runtime = runtime;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String enqueue(OutgoingMail mail) {
        MailComposer.Rendered rendered = composer.render(mail);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into mail_outbox (id, filing_id, recipient, subject, body_text, body_html, status, created_at)
                        values (?, ?, ?, ?, ?, ?, 'QUEUED', ?)""")
                .params(id, mail.filingId(), mail.recipient(), rendered.subject(), rendered.text(), rendered.html(),
                        EngineClock.nowInChina())
                .update();
        runtime.startProcessInstanceByKey(MailDeliveryProcess.KEY, id);
        return id;
    }
}
