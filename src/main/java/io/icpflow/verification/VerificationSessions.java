package io.icpflow.verification;

import io.icpflow.calendar.EngineClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The sessions of each application (table {@code verification_session}): opened through the
 * {@link VerificationPort}, one per principal, in rounds; a renewal replaces the open ones of the round.
 */
@Component
public class VerificationSessions {

    /** A principal to verify: their role and the name the service checks. */
    public record Principal(String who, String name) {
    }

    /**
     * The latest round of an application: each principal's latest session, in the order they were first
     * opened, and how many sessions of the round failed.
     */
    public record Round(int number, List<VerificationSession> latest, int failures) {

        public boolean allPassed() {
            return !latest.isEmpty() && latest.stream().allMatch(s -> s.status() == VerificationSession.Status.PASSED);
        }
    }

    private static final String COLUMNS = "id, filing_id, round_no, who, url, opened_at, expires_at, status, closed, reason, decided_at";

    private final JdbcClient jdbc;
    private final VerificationPort port;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    VerificationSessions(JdbcClient jdbc, VerificationPort port, MeterRegistry meters, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.port = port;
        this.meters = meters;
        this.events = events;
    }

    /** A new round: every open session of the application is closed, and each principal gets a new one. */
    public Round openRound(String filingId, List<Principal> principals, Duration life) {
        jdbc.sql("insert into verification_lock (filing_id) select ? where not exists (select 1 from verification_lock where filing_id = ?)")
                .params(filingId, filingId).update();
        close(filingId);
        int round = jdbc.sql("select coalesce(max(round_no), 0) from verification_session where filing_id = ?")
                .param(filingId).query(Integer.class).single() + 1;
        for (Principal principal : principals) {
            open(filingId, round, principal, life);
        }
        return round(filingId);
    }

    /**
     * New sessions for the principals of the latest round who have not passed; the round's open sessions
     * are closed first, so a late result for one of them is kept, not applied.
     */
    public Round renew(String filingId, List<Principal> principals, Duration life) {
        hold(filingId);
        Round current = round(filingId);
        closeOpen(filingId);
        for (Principal principal : principals) {
            boolean passed = current.latest().stream()
                    .anyMatch(s -> s.who().equals(principal.who()) && s.status() == VerificationSession.Status.PASSED);
            if (!passed) {
                open(filingId, current.number(), principal, life);
            }
        }
        return round(filingId);
    }

    /** The application's latest round (number 0 and no sessions if it never had one). */
    public Round round(String filingId) {
        return rounds(List.of(filingId)).getOrDefault(filingId, new Round(0, List.of(), 0));
    }

    /** The latest round of each of these applications, in one query (a page of filings); none for an application never verified. */
    public Map<String, Round> rounds(Collection<String> filingIds) {
        if (filingIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<VerificationSession>> byFiling = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " " + """
                         from verification_session s where filing_id in (:ids)
                         and round_no = (select max(round_no) from verification_session m where m.filing_id = s.filing_id)
                         order by filing_id, seq""")
                .param("ids", filingIds).query(VerificationSessions::session).list()
                .forEach(session -> byFiling.computeIfAbsent(session.filingId(), f -> new ArrayList<>()).add(session));
        Map<String, Round> rounds = new HashMap<>();
        byFiling.forEach((filing, all) -> {
            Map<String, VerificationSession> latest = new LinkedHashMap<>();
            all.forEach(session -> latest.put(session.who(), session));
            int failures = (int) all.stream().filter(session -> session.status() == VerificationSession.Status.FAILED).count();
            rounds.put(filing, new Round(all.get(0).round(), new ArrayList<>(latest.values()), failures));
        });
        return rounds;
    }

    /**
     * Holds the application's verification until the transaction ends: two results at once (the last two
     * principals passing together), a result beside a renewal, a renewal beside the wait's end must each
     * see what the other did. A row that exists from the first round on, so a renewal's new sessions are
     * covered too; read what it guards only after taking it.
     */
    public void hold(String filingId) {
        jdbc.sql("select filing_id from verification_lock where filing_id = ? for update").param(filingId).query(String.class).optional();
    }

    /** Each failure of the latest round, oldest first: "SUBJECT_PRINCIPAL: the service's reason" ("-" when it gave none). */
    public String failureReasons(String filingId) {
        return jdbc.sql("""
                        select who, reason from verification_session where filing_id = ? and status = 'FAILED'
                        and round_no = (select max(round_no) from verification_session where filing_id = ?) order by seq""")
                .params(filingId, filingId)
                .query((rs, n) -> rs.getString(1) + ": " + (rs.getString(2) == null || rs.getString(2).isBlank() ? "-" : rs.getString(2)))
                .list().stream().collect(Collectors.joining("; "));
    }

    public Optional<VerificationSession> find(String sessionId) {
        return jdbc.sql("select " + COLUMNS + " from verification_session where id = ?")
                .param(sessionId).query(VerificationSessions::session).optional();
    }

    /** Closes the application's open sessions: its wait for them is over. */
    public void close(String filingId) {
        hold(filingId);
        closeOpen(filingId);
    }

    /** The closing itself, for a caller that holds the application already. */
    private void closeOpen(String filingId) {
        // a decided session is closed already: what is still open has no result
        int unanswered = jdbc.sql("update verification_session set closed = true where filing_id = ? and closed = false").param(filingId).update();
        if (unanswered > 0) {
            events.publishEvent(new SessionsMoved(filingId, SessionsMoved.Outcome.OPEN,
                    SessionsMoved.Outcome.of(VerificationSession.Status.PENDING, true), unanswered));
        }
    }

    /**
     * Records a result if the session still takes one (one conditional update: of two results racing for
     * one session, one decides it).
     */
    boolean decide(String filingId, String sessionId, boolean passed, String reason, OffsetDateTime at) {
        VerificationSession.Status status = passed ? VerificationSession.Status.PASSED : VerificationSession.Status.FAILED;
        boolean decided = jdbc.sql("""
                        update verification_session set status = ?, reason = ?, decided_at = ?, closed = true
                        where id = ? and closed = false and status = 'PENDING' and expires_at > ?""")
                .params(status.name(), reason, at, sessionId, at).update() == 1;
        if (decided) {
            Counted.afterCommit(meters.counter("icp.verification.sessions", "outcome", status.name()));
            events.publishEvent(new SessionsMoved(filingId, SessionsMoved.Outcome.OPEN, SessionsMoved.Outcome.of(status, true), 1));
        }
        return decided;
    }

    private void open(String filingId, int round, Principal principal, Duration life) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = EngineClock.nowInChina();
        OffsetDateTime expiresAt = now.plus(life);
        String url = port.open(new VerificationPort.SessionRequest(id, filingId, principal.who(), principal.name(), expiresAt));
        jdbc.sql("insert into verification_session (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, 'PENDING', false, null, null)")
                .params(id, filingId, round, principal.who(), url, now, expiresAt).update();
        Counted.afterCommit(meters.counter("icp.verification.sessions", "outcome", "OPENED"));
        events.publishEvent(new SessionsMoved(filingId, null, SessionsMoved.Outcome.OPEN, 1));
    }

    private static VerificationSession session(ResultSet rs, int n) throws SQLException {
        return new VerificationSession(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                EngineClock.inChina(rs.getObject(6, OffsetDateTime.class)), EngineClock.inChina(rs.getObject(7, OffsetDateTime.class)),
                VerificationSession.Status.valueOf(rs.getString(8)), rs.getBoolean(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class) == null ? null : EngineClock.inChina(rs.getObject(11, OffsetDateTime.class)));
    }
}
