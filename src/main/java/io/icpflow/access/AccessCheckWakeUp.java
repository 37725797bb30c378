package io.icpflow.access;

import io.icpflow.registry.FilingRegistry;
import io.icpflow.regulator.NoticeApplied;
import io.icpflow.regulator.RegulatorNotice;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Products waiting for a filing's domains check again when MIIT's sync arrives, not at their next interval (000). */
@Component
class AccessCheckWakeUp implements NoticeApplied {

    private final FilingRegistry registry;
    private final RuntimeService runtime;

    AccessCheckWakeUp(FilingRegistry registry, RuntimeService runtime) {
        this.registry = registry;
        this.runtime = runtime;
    }

    @Override
    public RegulatorNotice.Type type() {
        return RegulatorNotice.Type.FILING_SYNCED;
    }

    @Override
    public void applied(RegulatorNotice notice, String filingId) {
        for (String domain : registry.domainsOfFiling(filingId)) {
            runtime.createMessageCorrelation(AccessCheckProcess.Messages.DOMAIN_SYNCED)
                    .processInstanceVariableEquals(AccessCheckProcess.DOMAIN.name(), domain)
                    .correlateAllWithResult();
        }
    }
}
