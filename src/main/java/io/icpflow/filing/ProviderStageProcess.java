package io.icpflow.filing;

/**
 * The process API of {@code bpmn/provider-stage.bpmn}, called by every filing type with the filing
 * id as business key: pre-checks, the provider's first review, the applicant's corrections.
 */
public final class ProviderStageProcess {

    public static final String KEY = "providerStage";
    /** Thrown after 45 days without the applicant's correction; the caller closes the filing. */

    private ProviderStageProcess() {
    }

    public static final class Messages {
        public static final String RESUBMITTED = "ApplicationResubmitted";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String REAL_NAME_WAIT = "Event_RealNameRecordingWait";
        public static final String WAIT_FOR_CORRECTION = "Activity_WaitForCorrection";
        public static final String INACTIVE_DAY_30 = "Event_InactiveDay30";
        public static final String INACTIVE_DAY_40 = "Event_InactiveDay40";
        public static final String INACTIVE_DAY_45 = "Event_InactiveDay45";
        public static final String PROVIDER_REVIEW = Tasks.PROVIDER_REVIEW;
        public static final String REVIEW_OVERDUE = "Event_ReviewOverdue";
        public static final String REVIEW_ESCALATION_DONE = "Event_ReviewEscalationDone";
        public static final String END_APPROVED = "Event_ProviderApproved";

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
}
