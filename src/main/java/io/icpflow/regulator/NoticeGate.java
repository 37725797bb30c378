package io.icpflow.regulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.filing.RegulatorReviewProcess;
import io.icpflow.process.Variable;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.icpflow.regulator.RegulatorNotice.Type.FILING_APPROVED;
import static io.icpflow.regulator.RegulatorNotice.Type.FILING_REJECTED;

/**
 * Separation of duties: only the regulator's notices move a filing past the regulator's steps. Every
 * wait for the regulator (SMS verification, the CA's decision, MIIT's sync, a cancelled number, an
 * invalid filing) ends through this check: the message must carry the id of a notice that the inbox
 * stored and applied, of the type that wait expects, for this filing, with the same decision and
 * number, and not used before. A message correlated by anyone else (the engine's message API, an
 * admin's correlation) is refused and rolled back. What it cannot stop is an admin modifying the
 * instance past the wait: admins are trusted with that, and it shows in the operation log.
 */
@Component("noticeGate")
public class NoticeGate {

    /** The notice a correlation comes from; set by {@link NoticeInbox} on every message it correlates. */
    public static final Variable<String> NOTICE_ID = Variable.string("regulatorNoticeId");

    private static final Map<String, Set<RegulatorNotice.Type>> EXPECTED = Map.of(
            RegulatorReviewProcess.Messages.SMS_VERIFIED, Set.of(RegulatorNotice.Type.SMS_VERIFIED),
            RegulatorReviewProcess.Messages.CA_DECISION, Set.of(FILING_APPROVED, FILING_REJECTED),
            io.icpflow.syncwait.SyncWaitProcess.Messages.FILING_SYNCED, Set.of(RegulatorNotice.Type.FILING_SYNCED),
            io.icpflow.notices.NumberCancelledProcess.MESSAGE, Set.of(RegulatorNotice.Type.ICP_NUMBER_CANCELLED),
            io.icpflow.notices.RemediationProcess.MESSAGE, Set.of(RegulatorNotice.Type.FILING_INVALID));

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NoticeGate(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Called as the wait for {@code message} ends; a wait ended by a timer or a withdrawal is not the regulator's. */
    public void verify(DelegateExecution execution, String message) {
        if (execution.isCanceled()) {
            return;
        }
        String noticeId = NOTICE_ID.get(execution);
        RegulatorNotice notice = noticeId == null ? null : applied(noticeId);
        Set<RegulatorNotice.Type> expected = EXPECTED.get(message);
        if (expected == null) {
            throw new IllegalArgumentException("no regulator notice ends a wait for " + message);
        }
        if (notice == null || !expected.contains(notice.type()) || !matches(execution, notice) || !consume(notice)) {
            throw new ProcessEngineException("Only the regulator's notices end the wait for " + message
                    + " (no unused applied notice " + noticeId + " of " + expected + " for filing " + execution.getBusinessKey() + ")");
        }
    }

    /**
     * Each notice ends one wait, so an old notice of an earlier round cannot end a new one; a
     * cancelled number starts a process for every filing that held it, from one notice.
     */
    private boolean consume(RegulatorNotice notice) {
        if (notice.type() == RegulatorNotice.Type.ICP_NUMBER_CANCELLED) {
            return true;
        }
        return jdbc.sql("update regulator_notice set consumed_at = ? where notification_id = ? and consumed_at is null")
                .params(io.icpflow.calendar.EngineClock.nowInChina(), notice.notificationId()).update() == 1;
    }

    private boolean matches(DelegateExecution execution, RegulatorNotice notice) {
        return switch (notice.type()) {
            case SMS_VERIFIED, FILING_SYNCED -> Objects.equals(filingOf(notice), execution.getBusinessKey());
            case FILING_APPROVED -> Objects.equals(notice.filingId(), execution.getBusinessKey())
                    && RegulatorReviewProcess.CaDecision.APPROVED.name().equals(RegulatorReviewProcess.CA_DECISION.get(execution))
                    && Objects.equals(notice.icpNumber(), RegulatorReviewProcess.ICP_NUMBER.get(execution));
            case FILING_REJECTED -> Objects.equals(notice.filingId(), execution.getBusinessKey())
                    && RegulatorReviewProcess.CaDecision.REJECTED.name().equals(RegulatorReviewProcess.CA_DECISION.get(execution));
            // started once per filing that held the number: the number and the domain are the notice's
            case ICP_NUMBER_CANCELLED -> Objects.equals(notice.icpNumber(),
                    io.icpflow.notices.NumberCancelledProcess.CANCELLED_NUMBER.get(execution));
            case FILING_INVALID -> Objects.equals(io.icpflow.registry.IcpNumbers.subjectNumberOf(notice.icpNumber()),
                    io.icpflow.registry.IcpNumbers.subjectNumberOf(io.icpflow.notices.RemediationProcess.WEBSITE_NUMBER.get(execution)));
        };
    }

    /** The filing the inbox matched the notice to (a sync notice may name only the number). */
    private String filingOf(RegulatorNotice notice) {
        return notice.filingId() != null ? notice.filingId()
                : jdbc.sql("select filing_id from regulator_notice where notification_id = ?").param(notice.notificationId())
                        .query(String.class).optional().orElse(null);
    }

    private RegulatorNotice applied(String noticeId) {
        return jdbc.sql("select payload from regulator_notice where notification_id = ? and outcome = 'APPLIED'")
                .param(noticeId).query(String.class).optional().map(this::read).orElse(null);
    }

    private RegulatorNotice read(String payload) {
        try {
            return json.readValue(payload, RegulatorNotice.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored notice not readable", e);
        }
    }
}
