package io.icpflow.regulatorreview;

import io.icpflow.filing.FilingType;
import io.icpflow.process.Variable;

import java.util.Map;

/**
 * The process API of {@code bpmn/regulator-review.bpmn}, called by every filing type with the
 * filing id as business key: submission to the CA, MIIT's SMS verification, the CA's decision.
 */
public final class RegulatorReviewProcess {

    public static final String KEY = "regulatorReview";

    private RegulatorReviewProcess() {
    }

    public static final class Messages {
        public static final String SMS_VERIFIED = "SmsVerified";
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

    /** False for cancel-access, the one type MIIT does not verify by SMS. */
    public static final Variable<Boolean> SMS_VERIFICATION_REQUIRED = Variable.bool("smsVerificationRequired");
    /** {@link CaDecision} name, set by the regulator's notice. */
    public static final Variable<String> CA_DECISION = Variable.enumName("caDecision", CaDecision.class);
    public static final Variable<String> CA_REASON = Variable.string("caReason");
    /** The ICP number of MIIT's approval (a new subject number, or the number a transfer keeps). */
    public static final Variable<String> ICP_NUMBER = Variable.string("icpNumber");

    /** What a caller starts with so that this stage knows whether MIIT verifies the type by SMS. */
    public static Map<String, Object> startVariables(FilingType type) {
        return Map.of(SMS_VERIFICATION_REQUIRED.name(), type.needsSmsVerification());
    }
}
