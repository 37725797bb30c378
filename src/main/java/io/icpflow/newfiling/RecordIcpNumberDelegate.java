package io.icpflow.newfiling;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.RegisteredPlatforms;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulatorreview.RegulatorReviewProcess;

import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.NewApp;
import io.icpflow.registry.FilingRegistry.NewWebsite;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Records MIIT's approval in the filing registry: the subject's number and its contact, a website
 * number {@code <subject number>-N} for each website (e.g. 浙ICP备2026012345号-1) and an app number
 * {@code -NA} for each app, in one sequence.
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
            Website w = applied.get(i);
            websites.add(new NewWebsite(i, w.name(), w.serverRegion(), w.domains(), null, w.content().name()));
        }
        List<NewApp> apps = new ArrayList<>();
        List<App> appliedApps = filing.application().apps();
        for (int i = 0; i < appliedApps.size(); i++) {
            App a = appliedApps.get(i);
            apps.add(new NewApp(i, a.name(), a.serverRegion(), a.content().name(), RegisteredPlatforms.of(a)));
        }
        registry.recordApproval(new RegisteredSubject(subject.idNumber(), filing.owner(), subject.kind().name(),
                        subject.name(), subject.province(), subjectNumber, RegistryStatus.ACTIVE)
                        .withContact(subject.contact().name(), subject.contact().email(), subject.contact().mobile()),
                filing.id(), websites, apps);
        filings.updateIcpNumber(filing.id(), subjectNumber);
    }
}
