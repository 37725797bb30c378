package io.icpflow.providerstage;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;

import io.icpflow.calendar.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Runs the pre-checks of the filing's type; stores their failures as the filing's reasons, their
 * notices for the applicant, and their findings for the reviewer.
 */
@Component
class PreCheckDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final List<FilingChecks> checks;

    PreCheckDelegate(FilingRepository filings, List<FilingChecks> checks) {
        this.filings = filings;
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        LocalDate today = EngineClock.todayInChina();
        FilingChecks rules = checks.stream().filter(c -> c.appliesTo(filing.type())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pre-checks for " + filing.type()));
        FilingChecks.Result result = rules.run(filing, today);
        filings.updateReasonsAndNotices(filing.id(), result.failures(), result.notices());
        ProviderStageProcess.PRECHECK_OUTCOME.set(execution, result.outcome().name());
        ProviderStageProcess.PRECHECK_FINDINGS.set(execution, String.join("\n", result.findings()));
        if (!result.changes().isEmpty()) {
            ProviderStageProcess.CHANGE_SUMMARY.set(execution, String.join("\n", result.changes()));
        }
    }
}
