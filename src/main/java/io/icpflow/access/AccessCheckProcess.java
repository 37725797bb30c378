package io.icpflow.access;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/access-check.bpmn}: a product asks to connect a domain (000).
 * Business key = access check id.
 */
public final class AccessCheckProcess {

    public static final String KEY = "accessCheck";

    private AccessCheckProcess() {
    }

    public static final class Messages {
        /** The domain's filing has synced: check again now instead of at the next interval. */
        public static final String DOMAIN_SYNCED = "DomainSynced";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String WAIT = "Gateway_WaitForSync";
        public static final String RETRY_DUE = "Event_RetryDue";
        public static final String END_ALLOWED = "Event_Allowed";
        public static final String END_ALLOWED_AFTER_WAIT = "Event_AllowedAfterWaiting";
        public static final String END_NOT_FILED = "Event_NotFiled";
        public static final String END_ESCALATED = "Event_StillNotSynced";

        private Elements() {
        }
    }

    public static final class Tasks {
        public static final String STILL_NOT_SYNCED = "accessCheckOverdue";

        private Tasks() {
        }
    }

    public static final Variable<String> DOMAIN = Variable.string("domain");
    /** {@link AccessOutcome} name of the latest check. */
    public static final Variable<String> OUTCOME = Variable.enumName("accessOutcome", AccessOutcome.class);
    public static final Variable<Integer> ATTEMPTS = Variable.integer("accessAttempts");
    /** true while another re-check is allowed (icp.access-check.max-attempts). */
    public static final Variable<Boolean> MAY_RETRY = Variable.bool("mayRetry");
}
