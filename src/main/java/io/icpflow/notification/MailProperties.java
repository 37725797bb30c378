package io.icpflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from       sender address of applicant emails
 * @param retryCycle Camunda retry cycle of a mail delivery job; when it runs out, an incident in Cockpit
 */
@ConfigurationProperties("icp.mail")
public record MailProperties(
        @DefaultValue("icp-filing@provider.example") String from,
        @DefaultValue("R5/PT1M") String retryCycle) {
}
