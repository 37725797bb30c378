package io.icpflow.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the product's own tables keep what they hold (the engine's history goes by each
 * process's {@code historyTimeToLive}, in Camunda's cleanup window).
 *
 * @param sentMail  a sent mail (recipient, name, body: personal data); unsent mail is never removed
 * @param notices   a regulator notice; while kept, the same {@code notificationId} is answered as a duplicate
 * @param cron      when the removal runs (China time of the server)
 */
@ConfigurationProperties("icp.retention")
public record RetentionProperties(@DefaultValue("P90D") Duration sentMail,
                                  @DefaultValue("P400D") Duration notices,
                                  @DefaultValue("0 30 1 * * ?") String cron) {
}
