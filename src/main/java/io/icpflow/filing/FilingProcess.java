package io.icpflow.filing;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/filing.bpmn}: its key, the ids of the elements that code and
 * tests refer to, its messages and its typed variables. The business key is the filing id.
 */
public final class FilingProcess {

    public static final String KEY = "filing";

    private FilingProcess() {
    }

    public static final class Messages {
        public static final String RESUBMITTED = "ApplicationResubmitted";
        public static final String WITHDRAWAL_REQUESTED = "WithdrawalRequested";
        public static final String SMS_VERIFIED = "SmsVerified";
        public static final String CA_DECISION = "CaDecision";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String NEED_CHECK = "Activity_NeedCheck";
        public static final String PRE_CHECKS = "Activity_PreChecks";
        public static final String REAL_NAME_WAIT = "Event_RealNameRecordingWait";
        public static final String WAIT_FOR_CORRECTION = "Activity_WaitForCorrection";
        public static final String INACTIVE_DAY_30 = "Event_InactiveDay30";
        public static final String INACTIVE_DAY_40 = "Event_InactiveDay40";
        public static final String INACTIVE_DAY_45 = "Event_InactiveDay45";
        public static final String PROVIDER_REVIEW = Tasks.PROVIDER_REVIEW;
        public static final String REVIEW_OVERDUE = "Event_ReviewOverdue";
        public static final String CHASE_REVIEW = Tasks.REVIEW_OVERDUE;
        public static final String SUBMIT_TO_CA = "Activity_SubmitToCa";
        public static final String WAIT_FOR_SMS = "Activity_WaitForSmsVerification";
        public static final String SMS_EXPIRED = "Event_SmsExpired";
        public static final String WAIT_FOR_CA = "Activity_WaitForCaDecision";
        public static final String CA_REVIEW_OVERDUE = "Event_CaReviewOverdue";
        public static final String CHASE_CA_REVIEW = Tasks.CA_REVIEW_OVERDUE;
        public static final String SYNC_WAIT = "Activity_SyncWait";
        public static final String PUBLIC_SECURITY_REMINDER_DUE = "Event_PublicSecurityReminderDue";
        public static final String END_ACTIVE = "Event_FilingActive";
        public static final String END_NOT_REQUIRED = "Event_NotRequired";
        public static final String END_WITHDRAWN = "Event_Withdrawn";
        public static final String END_CLOSED = "Event_Closed";

        private Elements() {
        }
    }

    /**
     * Task definition keys, which Camunda takes from the user tasks' element ids: API.md fixes
     * {@code providerReview} (group {@code icp-reviewers}), so these ids break the Activity_ pattern.
     */
    public static final class Tasks {
        public static final String PROVIDER_REVIEW = "providerReview";
        public static final String REVIEW_OVERDUE = "reviewOverdue";
        public static final String CA_REVIEW_OVERDUE = "caReviewOverdue";

        private Tasks() {
        }
    }

    public enum PreCheckOutcome { PASSED, FAILED, WAIT_FOR_REAL_NAME }

    public enum ReviewDecision { APPROVE, RETURN }

    public enum CaDecision { APPROVED, REJECTED }

    public static final Variable<String> FILING_ID = Variable.string("filingId");
    public static final Variable<String> FILING_TYPE = Variable.string("filingType");
    public static final Variable<Boolean> FILING_REQUIRED = Variable.bool("filingRequired");
    /** {@link PreCheckOutcome} name. */
    public static final Variable<String> PRECHECK_OUTCOME = Variable.string("precheckOutcome");
    /** What the pre-checks found, one line per check, for the reviewer's form. */
    public static final Variable<String> PRECHECK_FINDINGS = Variable.string("precheckFindings");
    /** {@link ReviewDecision} name, set by the reviewer (API.md). */
    public static final Variable<String> REVIEW_DECISION = Variable.string("reviewDecision");
    /** Codes or free text, with RETURN (API.md). */
    public static final Variable<String> REVIEW_REASONS = Variable.string("reviewReasons");
    /** {@link CaDecision} name, set by the regulator notice. */
    public static final Variable<String> CA_DECISION = Variable.string("caDecision");
    public static final Variable<String> CA_REASON = Variable.string("caReason");
    /** The subject's ICP number from MIIT's approval. */
    public static final Variable<String> ICP_NUMBER = Variable.string("icpNumber");

    // shown on the review form (task-local)
    public static final Variable<String> SUBJECT_SUMMARY = Variable.string("subjectSummary");
    public static final Variable<String> WEBSITES_SUMMARY = Variable.string("websitesSummary");
    public static final Variable<String> RETURN_HISTORY = Variable.string("returnHistory");
}
