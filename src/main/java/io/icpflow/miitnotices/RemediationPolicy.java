package io.icpflow.miitnotices;

import org.springframework.stereotype.Component;

/** {@code ${businessDays.after(remediationPolicy.windowDays)}} in remediation.bpmn. */
@Component
public class RemediationPolicy {

    private final RemediationProperties properties;

    RemediationPolicy(RemediationProperties properties) {
        this.properties = properties;
    }

    public int getWindowDays() {
        return properties.windowBusinessDays();
    }

    public int getCheckIntervalDays() {
        return properties.checkIntervalBusinessDays();
    }
}
