package io.icpflow.transfer;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingRepository;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulatorreview.RegulatorReviewProcess;
import io.icpflow.registry.DomainFacts;
import io.icpflow.registry.DomainFactsPort;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.NewWebsite;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import io.icpflow.registry.IcpNumber;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Records a transfer approved by the CA in our registry: the subject and websites keep the numbers
 * MIIT has for them (the number of the approval notice, and each domain's website number).
 */
@Component
class RecordTransferDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final FilingRegistry registry;
    private final DomainFactsPort domainFacts;

    RecordTransferDelegate(FilingRepository filings, FilingRegistry registry, DomainFactsPort domainFacts) {
        this.filings = filings;
        this.registry = registry;
        this.domainFacts = domainFacts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        Subject subject = filing.application().subject();
        String approved = RegulatorReviewProcess.ICP_NUMBER.get(execution);
        String subjectNumber = IcpNumber.subjectNumberOf(approved != null ? approved : filing.application().icpNumber());
        List<NewWebsite> websites = new ArrayList<>();
        List<Website> applied = filing.application().websites();
        for (int i = 0; i < applied.size(); i++) {
            Website website = applied.get(i);
            DomainFacts facts = domainFacts.lookup(website.domains().get(0), subject.name());
            String kept = facts.isFiled() && IcpNumber.subjectNumberOf(facts.icpNumber()).equals(subjectNumber)
                    && IcpNumber.sequenceOf(facts.icpNumber()) > 0 ? facts.icpNumber() : null;
            websites.add(new NewWebsite(i, website.name(), website.serverRegion(), website.domains(), kept, website.content().name()));
        }
        registry.recordApproval(new RegisteredSubject(subject.idNumber(), filing.owner(), subject.kind().name(),
                        subject.name(), subject.province(), subjectNumber, RegistryStatus.ACTIVE)
                        .withContact(subject.contact().name(), subject.contact().email(), subject.contact().mobile()),
                filing.id(), websites);
        filings.updateIcpNumber(filing.id(), subjectNumber);
    }
}
