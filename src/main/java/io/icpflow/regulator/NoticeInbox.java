package io.icpflow.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.calendar.EngineClock;
import io.icpflow.regulator.NoticeRoute.Correlation;
import io.icpflow.registry.IcpNumber;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one inbound adapter for regulator notices, whether posted to the webhook or by the simulator:
 * stores each notice by its {@code notificationId} (so a duplicate is never applied twice) and
 * correlates it as a message into the process waiting for it, by business key = filing id.
 * A notice that no process waits for is kept with outcome {@code UNMATCHED}.
 */
@Component
public class NoticeInbox {

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final NoticeRoutes routes;
    private final List<NoticeApplied> followUps;
    private final ObjectMapper json;

    NoticeInbox(JdbcClient jdbc, RuntimeService runtime, ManagementService management, NoticeRoutes routes,
                List<NoticeApplied> followUps, ObjectMapper json, MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.routes = routes;
        this.followUps = List.copyOf(followUps);
        this.json = json;
    }

    /**
     * Applies a notice once. A concurrent duplicate fails on the primary key of {@code regulator_notice}
     * ({@code DuplicateKeyException}); callers answer it as a duplicate.
     */
    @Transactional
    public NoticeOutcome receive(RegulatorNotice notice) {
        return apply(notice, false).orElseThrow();
    }

    /**
     * As {@link #receive}, except for a notice that has overtaken its filing: the CA may answer while
     * the step before the wait (an async job, such as the submission) is still running. If no process
     * waits for the notice yet but the filing's process is moving (a job is due), nothing is stored
     * and the answer is empty: the caller may try again shortly before the notice is judged unmatched.
     */
    @Transactional
    public Optional<NoticeOutcome> receiveUnlessMoving(RegulatorNotice notice) {
        return apply(notice, true);
    }

    /** The first outcome of a notice with this id, if one was stored. */
    @Transactional(readOnly = true)
    public Optional<NoticeOutcome> earlier(String notificationId) {
        return find(notificationId);
    }

    /**
     * Keeps a notice whose effect the registry refused (its transaction was rolled back): stored with
     * outcome {@code CONFLICT} for operations, never dropped; the same id again is then a duplicate.
     */
    @Transactional
    public NoticeOutcome keepConflicting(RegulatorNotice notice, String detail) {
        store(notice, notice.filingId(), NoticeOutcome.Result.CONFLICT, detail);
        Map<String, Object> variables = new HashMap<>();
        String about = notice.filingId() != null ? notice.filingId() : notice.notificationId();
        variables.put(NoticeConflictProcess.FILING_ID.name(), about);
        variables.put(NoticeConflictProcess.NOTICE_TYPE.name(), notice.type().name());
        variables.put(NoticeConflictProcess.NOTIFICATION_ID.name(), notice.notificationId());
        variables.put(NoticeConflictProcess.CONFLICT.name(), detail);
        runtime.startProcessInstanceByKey(NoticeConflictProcess.KEY, about, variables);
        return new NoticeOutcome(notice.notificationId(), NoticeOutcome.Result.CONFLICT, notice.filingId(), detail);
    }

    /** Regulator notices by type and outcome (applied, duplicate, unmatched, conflict), for operations. */
    private void counted(RegulatorNotice notice, NoticeOutcome.Result outcome) {
        meters.counter("icp.regulator.notices", "type", notice.type().name(), "outcome", outcome.name()).increment();
    }

    /** Mini programs and quick apps are filed through their platforms: nothing of ours is under such a number. */
    private static String filedByPlatform(String icpNumber) {
        return IcpNumber.parse(icpNumber).filter(n -> n.kind().isFiledByPlatform())
                .map(n -> "; " + n + " is a " + n.kind().label() + "'s number: mini programs and quick apps are filed by their platforms, not through us")
                .orElse("");
    }

    private Optional<NoticeOutcome> apply(RegulatorNotice notice, boolean unlessMoving) {
        Optional<NoticeOutcome> earlier = find(notice.notificationId());
        if (earlier.isPresent()) {
            NoticeOutcome first = earlier.get();
            counted(notice, NoticeOutcome.Result.DUPLICATE);
            return Optional.of(new NoticeOutcome(first.notificationId(), NoticeOutcome.Result.DUPLICATE, first.filingId(),
                    "already received; first outcome: " + first.outcome()));
        }
        Correlation correlation = correlationOf(notice);
        boolean waiting = correlation != null && isWaiting(correlation);
        if (!waiting && unlessMoving && correlation != null && correlation.filingId() != null) {
            if (isMoving(correlation.filingId())) {
                return Optional.empty();
            }
            // settled now, but the step that was moving may have reached the wait since the first look
            waiting = isWaiting(correlation);
        }
        String filingId = correlation != null ? correlation.filingId() : notice.filingId();
        String detail = waiting ? correlation.message() : "no filing is waiting for " + notice.type()
                + (filingId == null ? "" : " (filing " + filingId + ")") + filedByPlatform(notice.icpNumber());
        store(notice, filingId, waiting ? NoticeOutcome.Result.APPLIED : NoticeOutcome.Result.UNMATCHED, detail);
        if (!waiting) {
            return Optional.of(new NoticeOutcome(notice.notificationId(), NoticeOutcome.Result.UNMATCHED, filingId, detail));
        }
        if (!correlation.starts().isEmpty()) {
            for (String filing : correlation.starts()) {
                runtime.createMessageCorrelation(correlation.message())
                        .processInstanceBusinessKey(filing)
                        .setVariables(correlation.variables())
                        .correlateStartMessage();
            }
            return Optional.of(new NoticeOutcome(notice.notificationId(), NoticeOutcome.Result.APPLIED, filingId, detail));
        }
        runtime.createMessageCorrelation(correlation.message())
                .processInstanceBusinessKey(correlation.filingId())
                .setVariables(correlation.variables())
                .correlateWithResult();
        for (NoticeApplied followUp : followUps) {
            if (followUp.type() == notice.type()) {
                followUp.applied(notice, correlation.filingId());
            }
        }
        return Optional.of(new NoticeOutcome(notice.notificationId(), NoticeOutcome.Result.APPLIED, filingId, detail));
    }

    /** The route of the notice's type, with the notice's id for the wait's check (NoticeGate). */
    private Correlation correlationOf(RegulatorNotice notice) {
        Correlation correlation = routes.of(notice.type()).correlationOf(notice);
        if (correlation != null) {
            correlation.variables().put(NoticeGate.NOTICE_ID.name(), notice.notificationId());
        }
        return correlation;
    }

    private boolean isMoving(String filingId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(filingId).list().stream()
                .anyMatch(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .messages().executable().count() > 0);
    }

    private boolean isWaiting(Correlation correlation) {
        if (!correlation.starts().isEmpty()) {
            return true;
        }
        return correlation.filingId() != null && runtime.createExecutionQuery()
                .processInstanceBusinessKey(correlation.filingId())
                .messageEventSubscriptionName(correlation.message())
                .count() > 0;
    }

    private void store(RegulatorNotice notice, String filingId, NoticeOutcome.Result outcome, String detail) {
        counted(notice, outcome);
        try {
            jdbc.sql("""
                            insert into regulator_notice (notification_id, type, filing_id, payload, outcome, detail, received_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(notice.notificationId(), notice.type().name(), filingId, json.writeValueAsString(notice),
                            outcome.name(), detail, EngineClock.nowInChina())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<NoticeOutcome> find(String notificationId) {
        return jdbc.sql("select notification_id, outcome, filing_id, detail from regulator_notice where notification_id = ?")
                .param(notificationId)
                .query((rs, n) -> new NoticeOutcome(rs.getString(1), NoticeOutcome.Result.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }
}
