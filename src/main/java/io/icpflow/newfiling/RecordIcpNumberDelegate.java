package io.icpflow.newfiling;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulatorreview.RegulatorReviewProcess;

import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.NewWebsite;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Records MIIT's approval in the filing registry: the subject's number and a website number
 * {@code <subject number>-N} for each website (e.g. 浙ICP备2026012345号-1).
 */
@Component
class RecordIcpNumberDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final FilingRegistry registry;

    RecordIcpNumberDelegate(FilingRepository filings, FilingRegistry registry) {
        this.filings = filings;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        Subject subject = filing.application().subject();
        String subjectNumber = registry.findSubject(subject.idNumber())
                .filter(RegisteredSubject::isActive)
                .map(RegisteredSubject::icpNumber)
                .orElse(RegulatorReviewProcess.ICP_NUMBER.get(execution));
        List<NewWebsite> websites = new ArrayList<>();
        List<Website> applied = filing.application().websites();
        for (int i = 0; i < applied.size(); i++) {
            websites.add(new NewWebsite(i, applied.get(i).name(), applied.get(i).serverRegion(), applied.get(i).domains()));
        }
        registry.recordApproval(new RegisteredSubject(subject.idNumber(), filing.owner(), subject.kind().name(),
                subject.name(), subject.province(), subjectNumber, RegistryStatus.ACTIVE), filing.id(), websites);
        filings.updateIcpNumber(filing.id(), subjectNumber);
    }
}
