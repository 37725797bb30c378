package io.icpflow.providerstage;

import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the pre-checks of the filing's type and the shared ones; stores their failures as the filing's reasons, their
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
        // the type's own checks first, then the shared ones (service numbers, materials)
        List<FilingChecks> applying = checks.stream().filter(c -> c.appliesTo(filing.type()))
                .sorted(Comparator.comparing(FilingChecks::isShared)).toList();
        if (applying.stream().noneMatch(c -> !c.isShared())) {
            throw new IllegalStateException("no pre-checks for " + filing.type());
        }
        FilingChecks.Result result = applying.stream().map(c -> c.run(filing, today)).reduce(FilingChecks::merge).orElseThrow();
        filings.updateReasonsAndNotices(filing.id(), result.failures(), result.notices());
        ProviderStageProcess.PRECHECK_OUTCOME.set(execution, result.outcome().name());
        ProviderStageProcess.PRECHECK_FINDINGS.set(execution, String.join("\n", result.findings()));
        if (!result.changes().isEmpty()) {
            ProviderStageProcess.CHANGE_SUMMARY.set(execution, String.join("\n", result.changes()));
        }
    }
}
