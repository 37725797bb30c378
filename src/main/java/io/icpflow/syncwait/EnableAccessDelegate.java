package io.icpflow.syncwait;

import io.icpflow.registry.FilingRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Synced: the filing's domains may now be connected to our products (000, 004). */
@Component
class EnableAccessDelegate implements JavaDelegate {

    private final FilingRegistry registry;

    EnableAccessDelegate(FilingRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registry.enableAccess(execution.getProcessBusinessKey());
    }
}
