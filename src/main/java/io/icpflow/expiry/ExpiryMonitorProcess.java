package io.icpflow.expiry;

import io.icpflow.process.Variable;

/**
 * The process APIs of {@code bpmn/expiry-monitor.bpmn} (timer-started, daily) and
 * {@code bpmn/expired-domain.bpmn} (one per newly expired domain, business key = filing id): a filed
 * domain whose registration expired should be deregistered (001).
 */
public final class ExpiryMonitorProcess {

    public static final String KEY = "expiryMonitor";
    public static final String PROPOSAL_KEY = "expiredDomain";

    private ExpiryMonitorProcess() {
    }

    public static final class Tasks {
        public static final String FOLLOW_UP = "expiredDomainFollowUp";

        private Tasks() {
        }
    }

    public static final Variable<String> EXPIRED_DOMAIN = Variable.string("expiredDomain");
    public static final Variable<Integer> PROPOSALS = Variable.integer("proposalsMade");
}
