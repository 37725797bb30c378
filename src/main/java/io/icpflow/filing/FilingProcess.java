package io.icpflow.filing;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/filing.bpmn} (new filing, new website): its key, the ids of the
 * elements that code and tests refer to, its messages and its typed variables. The business key is
 * the filing id. The variables of the shared stages it calls are here too, as every type uses them.
 */
public final class FilingProcess {

    public static final String KEY = "filing";

    private FilingProcess() {
    }

    public static final class Messages {
        /** Boundary of the provider stage; allowed only before the CA has the filing. */
        public static final String WITHDRAWAL_REQUESTED = "WithdrawalRequested";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String WITH_PROVIDER = "Activity_WithProvider";
        public static final String REGULATOR_REVIEW = "Activity_RegulatorReview";
        public static final String SYNC_WAIT = "Activity_SyncWait";
        public static final String PUBLIC_SECURITY_REMINDER_DUE = "Event_PublicSecurityReminderDue";
        public static final String END_ACTIVE = "Event_FilingActive";
        public static final String END_WITHDRAWN = "Event_Withdrawn";
        public static final String END_CLOSED = "Event_Closed";

        private Elements() {
        }
    }

    public enum PreCheckOutcome { PASSED, FAILED, WAIT_FOR_REAL_NAME }

    public enum ReviewDecision { APPROVE, RETURN }

    public static final Variable<String> FILING_ID = Variable.string("filingId");
    public static final Variable<Boolean> FILING_REQUIRED = Variable.bool("filingRequired");
    /** {@link PreCheckOutcome} name. */
    public static final Variable<String> PRECHECK_OUTCOME = Variable.string("precheckOutcome");
    /** What the pre-checks found, one line per check, for the reviewer's form. */
    public static final Variable<String> PRECHECK_FINDINGS = Variable.displayText("precheckFindings");
    /** {@link ReviewDecision} name, set by the reviewer (API.md). */
    public static final Variable<String> REVIEW_DECISION = Variable.string("reviewDecision");
    /** Codes or free text, with RETURN (API.md). */
    public static final Variable<String> REVIEW_REASONS = Variable.string("reviewReasons");

    // shown on the review form (task-local)
    public static final Variable<String> SUBJECT_SUMMARY = Variable.displayText("subjectSummary");
    public static final Variable<String> WEBSITES_SUMMARY = Variable.displayText("websitesSummary");
    public static final Variable<String> RETURN_HISTORY = Variable.displayText("returnHistory");
}
