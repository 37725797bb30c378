package io.icpflow.regulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.process.Variable;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;


/**
 * Separation of duties: only the regulator's notices move a filing past the regulator's steps. Every
 * wait for the regulator (SMS verification, the CA's decision, MIIT's sync, a cancelled number, an
 * invalid filing) ends through this check: the message must carry the id of a notice that the inbox
 * stored and applied, of the type that wait expects, for this filing, with the same decision and
 * number, and not used before. A message correlated by anyone else (the engine's message API, an
 * admin's correlation) is refused and rolled back. What it cannot stop is an admin modifying the
 * instance past the wait: admins are trusted with that, and it shows in the operation log.
 */
@Component
public class NoticeGate {

    /** The notice a correlation comes from; set by {@link NoticeInbox} on every message it correlates. */
    public static final Variable<String> NOTICE_ID = Variable.string("regulatorNoticeId");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final NoticeRoutes routes;

    NoticeGate(JdbcClient jdbc, ObjectMapper json, NoticeRoutes routes) {
        this.jdbc = jdbc;
        this.json = json;
        this.routes = routes;
    }

    /** Called as the wait for {@code message} ends; a wait ended by a timer or a withdrawal is not the regulator's. */
    public void verify(DelegateExecution execution, String message) {
        if (execution.isCanceled()) {
            return;
        }
        NoticeRoute route = routes.ofMessage(message);
        if (route == null) {
            throw new IllegalArgumentException("no regulator notice ends a wait for " + message);
        }
        String noticeId = NOTICE_ID.get(execution);
        Stored stored = noticeId == null ? null : applied(noticeId);
        if (stored == null || !route.types().contains(stored.notice().type())
                || !route.matches(execution, stored.notice(), stored.filingId()) || !consume(route, stored.notice())) {
            throw new ProcessEngineException("Only the regulator's notices end the wait for " + message
                    + " (no unused applied notice " + noticeId + " of " + route.types() + " for filing " + execution.getBusinessKey() + ")");
        }
    }

    /**
     * Each notice ends one wait, so an old notice of an earlier round cannot end a new one; a
     * cancelled number starts a process for every filing that held it, from one notice.
     */
    private boolean consume(NoticeRoute route, RegulatorNotice notice) {
        if (!route.singleUse()) {
            return true;
        }
        return jdbc.sql("update regulator_notice set consumed_at = ? where notification_id = ? and consumed_at is null")
                .params(io.icpflow.calendar.EngineClock.nowInChina(), notice.notificationId()).update() == 1;
    }

    /** A stored notice and the filing the inbox matched it to (a sync notice may name only the number). */
    private record Stored(RegulatorNotice notice, String filingId) {
    }

    private Stored applied(String noticeId) {
        return jdbc.sql("select payload, filing_id from regulator_notice where notification_id = ? and outcome = ?")
                .params(noticeId, NoticeOutcome.Result.APPLIED.name()).query((rs, n) -> new Stored(read(rs.getString(1)), rs.getString(2))).optional().orElse(null);
    }

    private RegulatorNotice read(String payload) {
        try {
            return json.readValue(payload, RegulatorNotice.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored notice not readable", e);
        }
    }
}
