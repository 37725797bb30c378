package io.icpflow.notification;

import org.springframework.stereotype.Component;

/** {@code camunda:failedJobRetryTimeCycle="${mailRetryPolicy.cycle}"} in mail-delivery.bpmn. */
@Component
public class MailRetryPolicy {

    private final MailProperties properties;

    MailRetryPolicy(MailProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.retryCycle();
    }
}
