package io.icpflow.syncwait;

import io.icpflow.regulator.RegulatorProperties;
import org.springframework.stereotype.Component;

/** {@code ${syncPolicy.pollInterval}} in sync-wait.bpmn: an ISO-8601 duration from configuration. */
@Component
public class SyncPolicy {

    private final RegulatorProperties properties;

    SyncPolicy(RegulatorProperties properties) {
        this.properties = properties;
    }

    public String getPollInterval() {
        return properties.syncPollInterval().toString();
    }
}
