package io.icpflow.cancellation;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredWebsite;
import io.icpflow.registry.RegistryStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The CA approved the cancellation: the registry releases the numbers and removes the domains'
 * access here (a cancelled access leaves the filing at MIIT, without us as provider).
 */
@Component
class ApplyCancellationDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final FilingRegistry registry;

    ApplyCancellationDelegate(FilingRepository filings, FilingRegistry registry) {
        this.filings = filings;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        String subjectId = filing.subjectIdNumber();
        String number = filing.application().icpNumber();
        switch (filing.type()) {
            case CANCEL_SUBJECT -> registry.cancel(subjectId,
                    registry.activeWebsitesOf(subjectId).stream().map(RegisteredWebsite::icpNumber).toList(), RegistryStatus.CANCELLED, true);
            case CANCEL_WEBSITE -> registry.cancel(subjectId, List.of(number), RegistryStatus.CANCELLED, false);
            case CANCEL_ACCESS -> registry.cancel(subjectId, List.of(number), RegistryStatus.ACCESS_CANCELLED, false);
            case CANCEL_APP -> registry.cancelApp(number);
            default -> throw new IllegalStateException("not a cancellation: " + filing.type());
        }
    }

}
