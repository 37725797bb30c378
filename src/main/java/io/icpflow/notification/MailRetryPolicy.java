package io.icpflow.notification;

import org.springframework.stereotype.Component;

/** {@code camunda:failedJobRetryTimeCycle="${mailRetry.cycle}"} in mail-delivery.bpmn. */
@Component("mailRetry")
public class MailRetryPolicy {

    private final MailProperties properties;

    MailRetryPolicy(MailProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.retryCycle();
    }
}
