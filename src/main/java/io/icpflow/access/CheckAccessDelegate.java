package io.icpflow.access;

import io.icpflow.calendar.EngineClock;
import io.icpflow.registry.DomainFacts;
import io.icpflow.registry.DomainFactsPort;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredDomain;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * May this domain be connected to a product now (000)? Synced here: allowed. Filed at MIIT (through
 * us) but not yet synced: wait and check again. Otherwise not filed. Records the answer and when the
 * next check is due.
 */
@Component
class CheckAccessDelegate implements JavaDelegate {

    private final AccessCheckRepository checks;
    private final FilingRegistry registry;
    private final DomainFactsPort domainFacts;
    private final AccessCheckProperties properties;

    CheckAccessDelegate(AccessCheckRepository checks, FilingRegistry registry, DomainFactsPort domainFacts,
                        AccessCheckProperties properties) {
        this.checks = checks;
        this.registry = registry;
        this.domainFacts = domainFacts;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String domain = AccessCheckProcess.DOMAIN.get(execution);
        String owner = checks.find(execution.getProcessBusinessKey()).map(AccessCheckRepository.AccessCheck::owner).orElse(null);
        AccessOutcome outcome = outcomeFor(domain, owner);
        int attempts = AccessCheckProcess.ATTEMPTS.getOrDefault(execution, 0) + 1;
        boolean mayRetry = attempts < properties.maxAttempts();
        OffsetDateTime now = EngineClock.nowInChina();
        OffsetDateTime next = outcome == AccessOutcome.WAITING_FOR_SYNC && mayRetry ? now.plus(properties.retryInterval()) : null;
        checks.update(execution.getProcessBusinessKey(), outcome, attempts, next, now);
        AccessCheckProcess.OUTCOME.set(execution, outcome.name());
        AccessCheckProcess.ATTEMPTS.set(execution, attempts);
        AccessCheckProcess.MAY_RETRY.set(execution, mayRetry);
    }

    /** Another account's domain is answered as if nobody had filed it here: the answer must not say it exists. */
    private AccessOutcome outcomeFor(String domain, String owner) {
        Optional<RegisteredDomain> ours = registry.findDomain(domain);
        if (ours.isPresent() && !ours.get().owner().equals(owner)) {
            return AccessOutcome.NOT_FILED;
        }
        if (ours.isPresent()) {
            return ours.get().accessEnabled() ? AccessOutcome.ALLOWED : AccessOutcome.WAITING_FOR_SYNC;
        }
        DomainFacts facts = domainFacts.lookup(domain, null);
        return facts.isFiled() && facts.isFiledThroughUs() ? AccessOutcome.WAITING_FOR_SYNC : AccessOutcome.NOT_FILED;
    }
}
