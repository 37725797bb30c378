package io.icpflow.change;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.RegisteredPlatforms;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.IcpNumber;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * MIIT's approval of the change has synced: the registry takes the subject, website or app as it
 * shall be, in the transaction that records ACTIVE, under the same number. Until now it held the
 * filing as it was, so the site stayed accessible throughout.
 */
@Component
class ApplyChangeDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final FilingRegistry registry;

    ApplyChangeDelegate(FilingRepository filings, FilingRegistry registry) {
        this.filings = filings;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        String number = filing.application().icpNumber();
        switch (filing.type()) {
            case CHANGE_SUBJECT -> {
                Subject subject = filing.application().subject();
                String idNumber = registry.findSubjectByNumber(IcpNumber.subjectNumberOf(number)).orElseThrow().idNumber();
                registry.changeSubject(idNumber, subject.name(), subject.contact().name(), subject.contact().email(),
                        subject.contact().mobile());
            }
            case CHANGE_WEBSITE -> {
                Website website = filing.application().websites().get(0);
                registry.changeWebsite(number, website.name(), website.serverRegion(), website.content().name(), website.domains());
            }
            case CHANGE_APP -> {
                App app = filing.application().apps().get(0);
                registry.changeApp(number, app.name(), app.serverRegion(), app.content().name(), RegisteredPlatforms.of(app));
            }
            default -> throw new IllegalStateException("not a change: " + filing.type());
        }
    }
}
