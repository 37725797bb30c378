package io.icpflow.filing;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Sets the applicant-visible reasons for a return that does not come from the pre-checks
 * ({@code ${filingReasons.returnedByReviewer(execution)}} etc. in the BPMN).
 */
@Component
public class FilingReasons {

    private final FilingRepository filings;

    FilingReasons(FilingRepository filings) {
        this.filings = filings;
    }

    /** {@code ${filingReasons.set(execution, 'SMS_VERIFICATION_EXPIRED')}}: a reason without detail. */
    public void set(DelegateExecution execution, String code) {
        set(execution, Reason.of(ReasonCode.valueOf(code)));
    }

    /**
     * {@code ${filingReasons.set(execution, 'CA_REJECTED', caReason)}}: a reason a person, a notice or a
     * deadline gives, with its detail ("-" when they gave none, so the applicant sees that none was given).
     */
    public void set(DelegateExecution execution, String code, String detail) {
        set(execution, new Reason(ReasonCode.valueOf(code), null, detail == null || detail.isBlank() ? "-" : detail.strip()));
    }

    private void set(DelegateExecution execution, Reason reason) {
        filings.updateReasons(execution.getProcessBusinessKey(), List.of(reason));
    }
}
