package io.icpflow.verification;

import io.icpflow.calendar.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** Delivers the simulated service's due results through {@link VerificationInbox}, the endpoint's own adapter. */
@Component
@ConditionalOnProperty(name = "icp.verification.simulator.enabled", havingValue = "true", matchIfMissing = true)
class VerificationSimulator {

    private static final Logger log = LoggerFactory.getLogger(VerificationSimulator.class);

    private record Due(String sessionId, boolean passes, String reason) {
    }

    private final JdbcClient jdbc;
    private final VerificationInbox inbox;
    private final TransactionTemplate transactions;

    VerificationSimulator(JdbcClient jdbc, VerificationInbox inbox, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${icp.verification.simulator.tick:PT1S}")
    void deliverDueResults() {
        List<Due> due = jdbc.sql("select session_id, passes, reason from verification_simulation where delivered = false and due_at <= ? order by due_at")
                .param(EngineClock.nowInChina())
                .query((rs, n) -> new Due(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                .list();
        for (Due result : due) {
            try {
                transactions.executeWithoutResult(tx -> {
                    // claimed first: of two nodes' simulators, one delivers it
                    if (jdbc.sql("update verification_simulation set delivered = true where session_id = ? and delivered = false")
                            .param(result.sessionId()).update() == 0) {
                        return;
                    }
                    VerificationOutcome outcome = inbox.receive(new VerificationResult("sim-" + result.sessionId(), result.sessionId(),
                            result.passes(), result.reason()));
                    log.info("Verification simulator answered session {}: {}", result.sessionId(), outcome.outcome());
                });
            } catch (RuntimeException e) {
                log.warn("Verification simulator could not deliver session {} (will retry): {}", result.sessionId(), e.toString());
            }
        }
    }
}
