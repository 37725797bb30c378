package io.icpflow.miitnotices;

import io.icpflow.filing.FilingRepository;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.registry.ResolutionPort;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The steps of remediation.bpmn: {@code ${remediationDelegates.check(execution)}} asks whether the domain is
 * remedied (it resolves to us again, or the applicant started to move the filing away with a
 * cancel-access request); {@code ${remediationDelegates.cancelAccess(execution)}} removes our access when
 * the window is over.
 */
@Component
public class RemediationDelegates {

    private final ResolutionPort resolution;
    private final FilingRepository filings;
    private final FilingRegistry registry;

    RemediationDelegates(ResolutionPort resolution, FilingRepository filings, FilingRegistry registry) {
        this.resolution = resolution;
        this.filings = filings;
        this.registry = registry;
    }

    public void check(DelegateExecution execution) {
        String domain = RemediationProcess.DOMAIN.get(execution);
        String websiteNumber = RemediationProcess.WEBSITE_NUMBER.get(execution);
        boolean movingAway = !filings.openCancellationsOf(websiteNumber, "").isEmpty();
        RemediationProcess.REMEDIED.set(execution, resolution.pointsToUs(domain) || movingAway);
    }

    public void cancelAccess(DelegateExecution execution) {
        String websiteNumber = RemediationProcess.WEBSITE_NUMBER.get(execution);
        registry.findWebsite(websiteNumber).ifPresent(website ->
                registry.cancel(website.subjectIdNumber(), List.of(websiteNumber), RegistryStatus.ACCESS_CANCELLED, false));
    }
}
