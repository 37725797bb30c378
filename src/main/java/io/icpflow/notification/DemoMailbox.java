package io.icpflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The demo's mailbox (API.md "Demo mailbox"): an SMTP server of its own (GreenMail) on
 * {@code spring.mail.port} of localhost, which keeps every mail the app sends, in memory until it
 * stops. It runs only while the mail server is the packaged default: naming {@code spring.mail.host}
 * or {@code spring.mail.port} (flag, environment, test) sends mail there and leaves the port alone.
 * Off in the prod profile ({@code icp.mailbox.enabled: false}).
 */
@Component
@ConditionalOnProperty(name = "icp.mailbox.enabled", havingValue = "true", matchIfMissing = true)
public class DemoMailbox implements AutoCloseable {

    /** One mail as the mailbox shows it; {@code number} counts from 1 in the order received. */
    public record Mail(int number, Instant receivedAt, String from, String to, String subject, String text) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);
    private static final String PACKAGED = "application.yaml";

    private final GreenMail server;

    DemoMailbox(ConfigurableEnvironment environment) {
        boolean packagedServer = fromPackagedDefaults(environment, "spring.mail.host") && fromPackagedDefaults(environment, "spring.mail.port");
        GreenMail started = null;
        if (packagedServer) {
            int port = environment.getRequiredProperty("spring.mail.port", Integer.class);
            try {
                started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                started.start();
                log.info("Demo mailbox: SMTP on localhost:{}; admin reads the mails at /demo/mailbox/", port);
            } catch (RuntimeException e) {
                log.warn("Demo mailbox not started: port {} is taken ({}); mail waits and retries until an SMTP server answers", port,
                        e.getMessage());
                started = null;
            }
        }
        this.server = started;
    }

    public boolean running() {
        return server != null;
    }

    /** Every mail received, newest first. */
    public List<Mail> mails() {
        if (server == null) {
            return List.of();
        }
        MimeMessage[] received = server.getReceivedMessages();
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < received.length; i++) {
            mails.add(mail(i + 1, received[i]));
        }
        Collections.reverse(mails);
        return mails;
    }

    public Optional<Mail> mail(int number) {
        if (server == null || number < 1) {
            return Optional.empty();
        }
        MimeMessage[] received = server.getReceivedMessages();
        return number <= received.length ? Optional.of(mail(number, received[number - 1])) : Optional.empty();
    }

    /** The mails to one address (an applicant's own, for the console). */
    public List<Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static Mail mail(int number, MimeMessage message) {
        try {
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : null;
            String to = message.getAllRecipients() == null ? "" : String.join(", ",
                    Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
            String from = message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString();
            return new Mail(number, received, from, to, message.getSubject(), text(message));
        } catch (MessagingException e) {
            return new Mail(number, null, "", "", "(unreadable: " + e.getMessage() + ")", "");
        }
    }

    /** The plain-text part of a mail (ours are multipart: text and HTML). */
    private static String text(Part part) throws MessagingException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return part.isMimeType("text/html") ? null : s;
            }
            if (content instanceof Multipart multipart) {
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (child.isMimeType("text/html")) {
                        html = (String) child.getContent();
                        continue;
                    }
                    String found = text(child);
                    if (found != null) {
                        return found;
                    }
                }
                return html;
            }
            return null;
        } catch (IOException e) {
            throw new MessagingException("unreadable body", e);
        }
    }

    /** Whether the value in force comes from the application.yaml packaged with the app, not from the operator. */
    private static boolean fromPackagedDefaults(ConfigurableEnvironment environment, String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            // Spring's view over all the others names no origin of its own
            if ("configurationProperties".equals(source.getName())) {
                continue;
            }
            if (source.containsProperty(key)) {
                return source.getName().contains(PACKAGED);
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
