package io.icpflow.newfiling;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/filing.bpmn} (new filing, new website): its key, the ids of the
 * elements that code and tests refer to, and its own variables. The business key is the filing id;
 * the stages it calls declare their variables in their own process API.
 */
public final class NewFilingProcess {

    public static final String KEY = "filing";

    private NewFilingProcess() {
    }

    public static final class Elements {
        public static final String WITH_PROVIDER = "Activity_WithProvider";
        public static final String REGULATOR_REVIEW = "Activity_RegulatorReview";
        public static final String SYNC_WAIT = "Activity_SyncWait";
        public static final String PUBLIC_SECURITY_REMINDER_DUE = "Event_PublicSecurityReminderDue";
        public static final String END_ACTIVE = "Event_FilingActive";
        public static final String END_WITH_PROVIDER = "Event_EndedWithProvider";

        private Elements() {
        }
    }

    public static final Variable<Boolean> FILING_REQUIRED = Variable.bool("filingRequired");
}
