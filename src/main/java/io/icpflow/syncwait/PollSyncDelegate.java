package io.icpflow.syncwait;

import io.icpflow.regulator.RegulatorGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the regulator port whether MIIT's approval has reached our filing system. */
@Component
class PollSyncDelegate implements JavaDelegate {

    private final RegulatorGateway regulator;

    PollSyncDelegate(RegulatorGateway regulator) {
        this.regulator = regulator;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SyncWaitProcess.SYNCED.set(execution, regulator.isSynced(execution.getProcessBusinessKey()));
    }
}
