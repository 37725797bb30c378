package io.icpflow.regulatorreview;

import io.icpflow.process.Variable;


/**
 * The process API of {@code bpmn/regulator-review.bpmn}, called by every filing type with the
 * filing id as business key: submission to the CA, MIIT's SMS verification, the CA's decision.
 */
public final class RegulatorReviewProcess {

    public static final String KEY = "regulatorReview";

    private RegulatorReviewProcess() {
    }

    public static final class Messages {
        /** MIIT's SMS result, verified or failed ({@link #SMS_OUTCOME}). */
        public static final String SMS_RESULT = "SmsResult";
        public static final String CA_DECISION = "CaDecision";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String SUBMIT_TO_CA = "Activity_SubmitToCa";
        public static final String SMS_EXPIRED = "Event_SmsExpired";
        public static final String WAIT_FOR_CA = "Activity_WaitForCaDecision";
        public static final String CA_REVIEW_OVERDUE = "Event_CaReviewOverdue";
        public static final String CA_ESCALATION_DONE = "Event_CaEscalationDone";
        public static final String END_APPROVED = "Event_ApprovedByCa";

        private Elements() {
        }
    }

    public static final class Tasks {
        public static final String CA_REVIEW_OVERDUE = "caReviewOverdue";

        private Tasks() {
        }
    }

    public enum CaDecision { APPROVED, REJECTED }

    public enum SmsOutcome { VERIFIED, FAILED }

    /** {@link SmsOutcome} name, set by MIIT's notice (SMS_VERIFIED, SMS_FAILED). */
    public static final Variable<String> SMS_OUTCOME = Variable.enumName("smsOutcome", SmsOutcome.class);

    /** {@link CaDecision} name, set by the regulator's notice. */
    public static final Variable<String> CA_DECISION = Variable.enumName("caDecision", CaDecision.class);
    public static final Variable<String> CA_REASON = Variable.string("caReason");
    /** The ICP number of MIIT's approval (a new subject number, or the number a transfer keeps). */
    public static final Variable<String> ICP_NUMBER = Variable.string("icpNumber");

}
