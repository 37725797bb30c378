package io.icpflow.providerstage;

import io.icpflow.filing.FilingCase;
import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/provider-stage.bpmn}, called by every filing type with the filing
 * id as business key: pre-checks, the principals' identity verification, the provider's first review, the applicant's corrections, and the
 * two ways an application ends here (withdrawn by the applicant, closed after 45 days without a
 * correction), which it records and signals to its caller with {@link #ERROR_ENDED}.
 */
public final class ProviderStageProcess {

    public static final String KEY = "providerStage";
    /** Error code of the stage's "withdrawn" and "closed" ends: the caller's filing ends there too. */
    public static final String ERROR_ENDED = "APPLICATION_ENDED";

    private ProviderStageProcess() {
    }

    public static final class Messages {
        public static final String RESUBMITTED = FilingCase.Messages.RESUBMITTED;
        public static final String WITHDRAWAL_REQUESTED = FilingCase.Messages.WITHDRAWAL_REQUESTED;
        /** Every principal passed, or the round failed as often as the rules allow (IdentityVerification). */
        public static final String VERIFICATION_ENDED = "IdentityVerificationEnded";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String REAL_NAME_WAIT = "Event_RealNameRecordingWait";
        public static final String WAIT_FOR_CORRECTION = "Activity_WaitForCorrection";
        public static final String INACTIVE_DAY_30 = "Event_InactiveDay30";
        public static final String INACTIVE_DAY_40 = "Event_InactiveDay40";
        public static final String INACTIVE_DAY_45 = "Event_InactiveDay45";
        public static final String WAIT_FOR_VERIFICATION = "Activity_WaitForVerification";
        public static final String VERIFICATION_INACTIVE_DAY_30 = "Event_VerificationInactiveDay30";
        public static final String VERIFICATION_INACTIVE_DAY_40 = "Event_VerificationInactiveDay40";
        public static final String VERIFICATION_INACTIVE_DAY_45 = "Event_VerificationInactiveDay45";
        public static final String PROVIDER_REVIEW = Tasks.PROVIDER_REVIEW;
        public static final String REVIEW_OVERDUE = "Event_ReviewOverdue";
        public static final String REVIEW_ESCALATION_DONE = "Event_ReviewEscalationDone";
        public static final String END_APPROVED = "Event_ProviderApproved";
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

        private Tasks() {
        }
    }

    public enum PreCheckOutcome { PASSED, FAILED, WAIT_FOR_REAL_NAME }

    public enum ReviewDecision { APPROVE, RETURN }

    public enum VerificationOutcome { PASSED, FAILED }

    /** {@link PreCheckOutcome} name. */
    public static final Variable<String> PRECHECK_OUTCOME = Variable.enumName("precheckOutcome", PreCheckOutcome.class);
    /** What the pre-checks found, one line per check, for the reviewer's form. */
    public static final Variable<String> PRECHECK_FINDINGS = Variable.displayText("precheckFindings");
    /** A change's changes, one per line, old value beside new value (only for the change types). */
    public static final Variable<String> CHANGE_SUMMARY = Variable.displayText("changeSummary");
    /** {@link VerificationOutcome} name, with the message that ends the verification wait. */
    public static final Variable<String> VERIFICATION_OUTCOME = Variable.enumName("verificationOutcome", VerificationOutcome.class);
    /** With FAILED: how many failures, and each failed principal with the service's reason (the return's detail). */
    public static final Variable<String> VERIFICATION_FAILURES = Variable.string("verificationFailures");
    /** {@link ReviewDecision} name, set by the reviewer (API.md). */
    public static final Variable<String> REVIEW_DECISION = Variable.enumName("reviewDecision", ReviewDecision.class);
    /** Codes or free text, with RETURN (API.md). */
    public static final Variable<String> REVIEW_REASONS = Variable.string("reviewReasons");
    /** With RETURN: the material ids the reviewer rejects, comma-separated (API.md); each comes back as MATERIAL_REJECTED. */
    public static final Variable<String> REVIEW_REJECTED_MATERIALS = Variable.string("reviewRejectedMaterials");

    // shown on the review form (task-local)
    public static final Variable<String> SUBJECT_SUMMARY = Variable.displayText("subjectSummary");
    public static final Variable<String> WEBSITES_SUMMARY = Variable.displayText("websitesSummary");
    public static final Variable<String> RETURN_HISTORY = Variable.displayText("returnHistory");
    public static final Variable<String> MATERIALS_SUMMARY = Variable.displayText("materialsSummary");
    /** Each principal's verification: passed when, after how many failures, with the service's reasons. */
    public static final Variable<String> VERIFICATION_SUMMARY = Variable.displayText("verificationSummary");
    /** Markdown: a link to each material, for the form's text component. */
    public static final Variable<String> MATERIAL_LINKS = Variable.displayText("materialLinks");
}
