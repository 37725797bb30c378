package io.icpflow.regulatorreview;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;

import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.regulator.RegulatorGateway;
import io.icpflow.regulator.Submission;
import io.icpflow.registry.FilingRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Hands the application to the communications administration through the regulator port. */
@Component
class SubmitToCaDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final FilingRegistry registry;
    private final RegulatorGateway regulator;
    private final SmsRules smsRules;

    SubmitToCaDelegate(FilingRepository filings, FilingRegistry registry, RegulatorGateway regulator, SmsRules smsRules) {
        this.filings = filings;
        this.registry = registry;
        this.regulator = regulator;
        this.smsRules = smsRules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        Subject subject = filing.application().subject();
        // the number the CA decides on: a transfer keeps its number, a cancellation or a change names it,
        // a new website joins its subject's; a new subject gets one from MIIT
        String subjectNumber = filing.type().namesANumber()
                ? filing.application().icpNumber()
                : registry.findSubject(subject.idNumber())
                        .filter(FilingRegistry.RegisteredSubject::isActive)
                        .map(FilingRegistry.RegisteredSubject::icpNumber).orElse(null);
        regulator.submit(new Submission(filing.id(), filing.type().name(), subject.province(), subject.kind().name(),
                subject.name(), subject.idNumber(), subjectNumber, subject.contact().mobile(),
                filing.application().websites().stream().flatMap(w -> w.domains().stream()).toList(),
                smsRules.principals(filing), !filing.type().isCancellation()));
    }
}
