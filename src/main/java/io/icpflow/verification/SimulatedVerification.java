package io.icpflow.verification;

import io.icpflow.calendar.EngineClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's verification service: each session it opens is answered after
 * {@code icp.verification.simulator.delay} (table {@code verification_simulation}, delivered by
 * {@link VerificationSimulator}): passed, failed for the principals of {@code failures}, and never
 * for those of {@code unanswered} (left to the endpoint). Off with
 * {@code --icp.verification.simulator.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "icp.verification.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedVerification implements VerificationPort {

    private final VerificationProperties properties;
    private final JdbcClient jdbc;

    SimulatedVerification(VerificationProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public String open(SessionRequest request) {
        VerificationProperties.Simulator simulator = properties.simulator();
        if (!simulator.unanswered().contains(request.personName())) {
            String failure = simulator.failures().get(request.personName());
            jdbc.sql("insert into verification_simulation (session_id, due_at, passes, reason, delivered) values (?, ?, ?, ?, false)")
                    .params(request.sessionId(), EngineClock.nowInChina().plus(simulator.delay()), failure == null, failure)
                    .update();
        }
        return properties.link(request.sessionId());
    }
}
