package io.icpflow.miitnotices;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/remediation.bpmn}: MIIT reports an invalid filing, a domain
 * resolving to an address that is not ours (004). Business key = the filing id holding the domain.
 */
public final class RemediationProcess {

    public static final String KEY = "remediation";
    public static final String MESSAGE = "FilingInvalid";

    private RemediationProcess() {
    }

    public static final class Elements {
        public static final String NEXT_CHECK = "Event_NextCheck";
        public static final String WINDOW_OVER = "Event_WindowOver";
        public static final String END_REMEDIED = "Event_Remedied";
        public static final String END_ACCESS_CANCELLED = "Event_AccessCancelled";

        private Elements() {
        }
    }

    public static final Variable<String> DOMAIN = Variable.string("invalidDomain");
    public static final Variable<String> WEBSITE_NUMBER = Variable.string("websiteNumber");
    public static final Variable<Boolean> REMEDIED = Variable.bool("remedied");
}
