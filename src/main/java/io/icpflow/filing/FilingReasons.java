package io.icpflow.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Sets the applicant-visible reasons for a return that does not come from the pre-checks
 * ({@code ${filingReasons.returnedByReviewer(execution)}} etc. in the BPMN).
 */
@Component("filingReasons")
public class FilingReasons {

    private final FilingRepository filings;

    FilingReasons(FilingRepository filings) {
        this.filings = filings;
    }

    public void returnedByReviewer(DelegateExecution execution) {
        String reasons = FilingProcess.REVIEW_REASONS.getOrDefault(execution, "").strip();
        set(execution, new Reason(ReasonCode.RETURNED_BY_REVIEWER, null, reasons.isEmpty() ? "-" : reasons));
    }

    public void smsVerificationExpired(DelegateExecution execution) {
        set(execution, Reason.of(ReasonCode.SMS_VERIFICATION_EXPIRED));
    }

    public void rejectedByCa(DelegateExecution execution) {
        set(execution, new Reason(ReasonCode.CA_REJECTED, null, RegulatorReviewProcess.CA_REASON.getOrDefault(execution, "-")));
    }

    /** {@code ${filingReasons.set(execution, 'FILING_INVALID', domain)}}: a reason a notice or a deadline gives. */
    public void set(DelegateExecution execution, String code, String detail) {
        set(execution, new Reason(ReasonCode.valueOf(code), null, detail));
    }

    private void set(DelegateExecution execution, Reason reason) {
        filings.updateReasons(execution.getProcessBusinessKey(), List.of(reason));
    }
}
