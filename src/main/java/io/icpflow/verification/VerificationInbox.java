package io.icpflow.verification;

import io.icpflow.calendar.EngineClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The one inbound adapter for verification results, posted by the service or by the simulator: each
 * result is stored by its {@code resultId} (a duplicate is never applied twice), decides its session if
 * the session still takes one, and tells the {@link VerificationDecided} listeners. A result for an
 * unknown or closed session is kept with its outcome.
 */
@Component
public class VerificationInbox {

    private final JdbcClient jdbc;
    private final VerificationSessions sessions;
    private final List<VerificationDecided> listeners;
    private final MeterRegistry meters;

    VerificationInbox(JdbcClient jdbc, VerificationSessions sessions, List<VerificationDecided> listeners, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.listeners = List.copyOf(listeners);
        this.meters = meters;
    }

    /**
     * Applies a result once. A concurrent duplicate fails on the primary key of {@code verification_result}
     * ({@code DuplicateKeyException}); callers answer it as a duplicate ({@link #earlier}).
     */
    @Transactional
    public VerificationOutcome receive(VerificationResult result) {
        Optional<VerificationOutcome> earlier = earlier(result.resultId());
        if (earlier.isPresent()) {
            counted(VerificationOutcome.Result.DUPLICATE);
            VerificationOutcome first = earlier.get();
            return new VerificationOutcome(first.resultId(), VerificationOutcome.Result.DUPLICATE, first.sessionId(), first.filingId(),
                    "already received; first outcome: " + first.outcome());
        }
        OffsetDateTime now = EngineClock.nowInChina();
        Optional<VerificationSession> session = sessions.find(result.sessionId());
        if (session.isEmpty()) {
            return store(result, null, VerificationOutcome.Result.UNKNOWN_SESSION, "no verification session " + result.sessionId());
        }
        String filingId = session.get().filingId();
        sessions.hold(filingId);
        if (!sessions.decide(filingId, result.sessionId(), result.passed(), result.reason(), now)) {
            String why = sessions.find(result.sessionId()).map(s -> s.closedBecause(now)).orElse("session closed");
            return store(result, filingId, VerificationOutcome.Result.SESSION_CLOSED, why);
        }
        VerificationOutcome applied = store(result, filingId, VerificationOutcome.Result.APPLIED,
                (result.passed() ? "passed: " : "failed: ") + session.get().who());
        VerificationSession decided = session.get().decided(result.passed(), result.reason(), now);
        listeners.forEach(l -> l.decided(decided));
        return applied;
    }

    /** The first outcome of a result with this id, if one was stored. */
    @Transactional(readOnly = true)
    public Optional<VerificationOutcome> earlier(String resultId) {
        return jdbc.sql("select result_id, outcome, session_id, filing_id, detail from verification_result where result_id = ?")
                .param(resultId)
                .query((rs, n) -> new VerificationOutcome(rs.getString(1), VerificationOutcome.Result.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    private VerificationOutcome store(VerificationResult result, String filingId, VerificationOutcome.Result outcome, String detail) {
        jdbc.sql("""
                        insert into verification_result (result_id, session_id, filing_id, passed, reason, outcome, detail, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(result.resultId(), result.sessionId(), filingId, result.passed(), result.reason(), outcome.name(), detail,
                        EngineClock.nowInChina())
                .update();
        counted(outcome);
        return new VerificationOutcome(result.resultId(), outcome, result.sessionId(), filingId, detail);
    }

    /** Results by outcome (applied, duplicate, unknown or closed session), for operations. */
    private void counted(VerificationOutcome.Result outcome) {
        Counted.afterCommit(meters.counter("icp.verification.results", "outcome", outcome.name()));
    }
}
