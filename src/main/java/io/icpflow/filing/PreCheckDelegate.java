package io.icpflow.filing;

import io.icpflow.calendar.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Runs the pre-checks; stores their failures as the filing's reasons and their findings for the reviewer. */
@Component("preChecks")
class PreCheckDelegate implements JavaDelegate {

    private final FilingRepository filings;
    private final PreCheckRules rules;

    PreCheckDelegate(FilingRepository filings, PreCheckRules rules) {
        this.filings = filings;
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        LocalDate today = EngineClock.todayInChina();
        PreCheckRules.Result result = rules.run(filing, today);
        filings.updateReasons(filing.id(), result.failures());
        FilingProcess.PRECHECK_OUTCOME.set(execution, result.outcome().name());
        FilingProcess.PRECHECK_FINDINGS.set(execution, String.join("\n", result.findings()));
    }
}
