package io.icpflow.access;

import org.springframework.stereotype.Component;

/** {@code ${accessCheckPolicy.retryInterval}} in access-check.bpmn. */
@Component
public class AccessCheckPolicy {

    private final AccessCheckProperties properties;

    AccessCheckPolicy(AccessCheckProperties properties) {
        this.properties = properties;
    }

    public String getRetryInterval() {
        return properties.retryInterval().toString();
    }
}
