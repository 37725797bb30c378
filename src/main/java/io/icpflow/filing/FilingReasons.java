package io.icpflow.filing;


import io.icpflow.rules.Rule;
import io.icpflow.rules.RuleBook;
import io.icpflow.rules.RuleTables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Sets the applicant-visible reasons for a return that does not come from the pre-checks
 * ({@code ${filingReasons.returnedByReviewer(execution)}} etc. in the BPMN).
 */
@Component
public class FilingReasons {

    /** Reasons a dated rule table gives, not a national check: they name the row in force for the filing. */
    private static final Map<ReasonCode, String> FROM_TABLES = Map.of(
            ReasonCode.SMS_VERIFICATION_EXPIRED, RuleTables.SMS_VERIFICATION,
            ReasonCode.SMS_VERIFICATION_FAILED, RuleTables.SMS_VERIFICATION,
            ReasonCode.VERIFICATION_FAILED, RuleTables.IDENTITY_VERIFICATION);

    private final FilingRepository filings;
    private final RuleBook rules;

    FilingReasons(FilingRepository filings, RuleBook rules) {
        this.filings = filings;
        this.rules = rules;
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
        String id = execution.getProcessBusinessKey();
        String table = FROM_TABLES.get(reason.code());
        if (table != null) {
            Filing filing = filings.get(id);
            String rule = rules.inForce(table, filing.application().subject().province(), filing.rulesDay()).map(Rule::id).orElse(null);
            reason = new Reason(reason.code(), reason.field(), reason.detail(), rule);
        }
        filings.updateReasons(id, List.of(reason));
    }
}
