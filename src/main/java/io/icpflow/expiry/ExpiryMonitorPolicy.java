package io.icpflow.expiry;

import org.springframework.stereotype.Component;

/** {@code ${expiryMonitorPolicy.cycle}} in expiry-monitor.bpmn. */
@Component
public class ExpiryMonitorPolicy {

    private final ExpiryMonitorProperties properties;

    ExpiryMonitorPolicy(ExpiryMonitorProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.cycle();
    }
}
