package io.icpflow.process;

import io.icpflow.calendar.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;

/**
 * Removes what the product's own tables no longer need, nightly ({@link RetentionProperties}): sent
 * mails and old regulator notices, and the simulator's delivered events. Idempotent, so several
 * nodes may run it.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final RetentionProperties properties;

    Retention(JdbcClient jdbc, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(cron = "${icp.retention.cron:0 30 1 * * ?}")
    @Transactional
    public void removeExpired() {
        OffsetDateTime now = EngineClock.nowInChina();
        int mails = jdbc.sql("delete from mail_outbox where status = 'SENT' and sent_at < ?")
                .param(now.minus(properties.sentMail())).update();
        int notices = jdbc.sql("delete from regulator_notice where received_at < ?")
                .param(now.minus(properties.notices())).update();
        int events = jdbc.sql("delete from simulator_event where delivered = true and due_at < ?")
                .param(now.minus(properties.sentMail())).update();
        if (mails + notices + events > 0) {
            log.info("Retention: removed {} sent mails, {} regulator notices, {} simulator events", mails, notices, events);
        }
    }
}
