package io.icpflow.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.access.AccessCheckProcess;
import io.icpflow.filing.RegulatorReviewProcess;
import io.icpflow.notices.NumberCancelledProcess;
import io.icpflow.notices.RemediationProcess;
import io.icpflow.reference.DomainNames;
import io.icpflow.registry.IcpNumbers;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.syncwait.SyncWaitProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
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

    /**
     * Where a notice goes: a message to a process waiting for it (by filing id), or a message that
     * starts a process for each filing it concerns ({@code starts}).
     */
    private record Correlation(String message, String filingId, Map<String, Object> variables, List<String> starts) {

        Correlation(String message, String filingId, Map<String, Object> variables) {
            this(message, filingId, variables, List.of());
        }

        static Correlation starting(String message, List<String> filingIds, Map<String, Object> variables) {
            return new Correlation(message, filingIds.isEmpty() ? null : filingIds.get(0), variables, filingIds);
        }
    }

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final FilingRegistry registry;
    private final DomainNames domainNames;
    private final ObjectMapper json;

    NoticeInbox(JdbcClient jdbc, RuntimeService runtime, ManagementService management, FilingRegistry registry,
                DomainNames domainNames, ObjectMapper json) {
        this.domainNames = domainNames;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.registry = registry;
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

    private Optional<NoticeOutcome> apply(RegulatorNotice notice, boolean unlessMoving) {
        Optional<NoticeOutcome> earlier = find(notice.notificationId());
        if (earlier.isPresent()) {
            NoticeOutcome first = earlier.get();
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
                + (filingId == null ? "" : " (filing " + filingId + ")");
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
        if (notice.type() == RegulatorNotice.Type.FILING_SYNCED) {
            wakeAccessChecks(correlation.filingId());
        }
        return Optional.of(new NoticeOutcome(notice.notificationId(), NoticeOutcome.Result.APPLIED, filingId, detail));
    }

    /** Products waiting for this filing's domains check again now, not at their next interval (000). */
    private void wakeAccessChecks(String filingId) {
        for (String domain : registry.domainsOfFiling(filingId)) {
            runtime.createMessageCorrelation(AccessCheckProcess.Messages.DOMAIN_SYNCED)
                    .processInstanceVariableEquals(AccessCheckProcess.DOMAIN.name(), domain)
                    .correlateAllWithResult();
        }
    }

    private Correlation correlationOf(RegulatorNotice notice) {
        Map<String, Object> variables = new HashMap<>();
        // the wait checks that its message comes from this stored notice (NoticeGate)
        variables.put(NoticeGate.NOTICE_ID.name(), notice.notificationId());
        return switch (notice.type()) {
            case SMS_VERIFIED -> new Correlation(RegulatorReviewProcess.Messages.SMS_VERIFIED, notice.filingId(), variables);
            case FILING_APPROVED -> {
                variables.put(RegulatorReviewProcess.CA_DECISION.name(), RegulatorReviewProcess.CaDecision.APPROVED.name());
                variables.put(RegulatorReviewProcess.ICP_NUMBER.name(), notice.icpNumber());
                yield new Correlation(RegulatorReviewProcess.Messages.CA_DECISION, notice.filingId(), variables);
            }
            case FILING_REJECTED -> {
                variables.put(RegulatorReviewProcess.CA_DECISION.name(), RegulatorReviewProcess.CaDecision.REJECTED.name());
                variables.put(RegulatorReviewProcess.CA_REASON.name(), notice.reason());
                yield new Correlation(RegulatorReviewProcess.Messages.CA_DECISION, notice.filingId(), variables);
            }
            case FILING_SYNCED -> {
                String filingId = notice.filingId() != null ? notice.filingId()
                        : registry.filingIdOfNumber(notice.icpNumber()).orElse(null);
                yield filingId == null ? null : new Correlation(SyncWaitProcess.Messages.FILING_SYNCED, filingId, variables);
            }
            case ICP_NUMBER_CANCELLED -> {
                variables.put(NumberCancelledProcess.CANCELLED_NUMBER.name(), notice.icpNumber());
                yield Correlation.starting(NumberCancelledProcess.MESSAGE, registry.activeWebsitesUnder(notice.icpNumber()).stream()
                        .map(FilingRegistry.RegisteredWebsite::filingId).distinct().toList(), variables);
            }
            case FILING_INVALID -> invalidFiling(notice, variables);
        };
    }

    private boolean isMoving(String filingId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(filingId).list().stream()
                .anyMatch(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .messages().executable().count() > 0);
    }

    /** The website of that number holding the domain, unless a remediation of its filing already runs. */
    private Correlation invalidFiling(RegulatorNotice notice, Map<String, Object> variables) {
        String domain = domainNames.normalize(notice.domain()).map(domainNames::registrableDomain).orElse(null);
        Optional<FilingRegistry.RegisteredDomain> held = domain == null ? Optional.empty() : registry.findDomain(domain)
                .filter(d -> IcpNumbers.subjectNumberOf(d.websiteIcpNumber()).equals(IcpNumbers.subjectNumberOf(notice.icpNumber())))
                .filter(d -> runtime.createProcessInstanceQuery().processDefinitionKey(RemediationProcess.KEY)
                        .processInstanceBusinessKey(d.filingId()).count() == 0);
        if (held.isEmpty()) {
            return null;
        }
        variables.put(RemediationProcess.DOMAIN.name(), domain);
        variables.put(RemediationProcess.WEBSITE_NUMBER.name(), held.get().websiteIcpNumber());
        return Correlation.starting(RemediationProcess.MESSAGE, List.of(held.get().filingId()), variables);
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
        try {
            jdbc.sql("""
                            insert into regulator_notice (notification_id, type, filing_id, payload, outcome, detail, received_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(notice.notificationId(), notice.type().name(), filingId, json.writeValueAsString(notice),
                            outcome.name(), detail, OffsetDateTime.now())
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
