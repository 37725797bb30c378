package io.icpflow.notification;

import io.icpflow.calendar.EngineClock;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Sends one queued mail over SMTP and marks it sent; a mail already sent is not sent again. */
@Component
class SendMailDelegate implements JavaDelegate {

    private record Queued(String recipient, String subject, String bodyText, String bodyHtml, String status) {
    }

    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final MailProperties properties;

    SendMailDelegate(JdbcClient jdbc, JavaMailSender sender, MailProperties properties) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.properties = properties;
    }

    String messageId(String outboxId) {
        String from = properties.from();
        return "<" + outboxId + "@" + from.substring(from.indexOf('@') + 1) + ">";
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String id = execution.getProcessBusinessKey();
        Queued mail = jdbc.sql("select recipient, subject, body_text, body_html, status from mail_outbox where id = ?")
                .param(id).query(Queued.class).single();
        if ("SENT".equals(mail.status())) {
            return;
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.bodyText(), mail.bodyHtml());
        // the outbox id: a mail sent again after a crash (sent, but not yet marked SENT) is the same
        // message to the receiver, who can drop it; Spring's sender keeps a Message-ID that is set
        message.setHeader("Message-ID", messageId(id));
        sender.send(message);
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ? where id = ?")
                .params(EngineClock.nowInChina(), id).update();
    }
}
