package io.icpflow.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.calendar.EngineClock;
import io.icpflow.reference.Provinces;
import io.icpflow.registry.IcpNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo's communications administration and MIIT. On a submission it puts the notices a real CA
 * would send on its agenda (table {@code simulator_event}): SMS verified, then the decision, then the
 * sync, after the delays of {@code icp.regulator.simulator.*}; a filing containing a domain listed in
 * {@code rejections} is rejected with that reason. Due notices go through {@link NoticeInbox}, the
 * same adapter as the webhook. Off with {@code --icp.regulator.simulator.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "icp.regulator.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedRegulator implements RegulatorGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedRegulator.class);

    private record Due(long id, RegulatorNotice notice) {
    }

    private final RegulatorSubmissions submissions;
    private final RegulatorProperties.Simulator config;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Provinces provinces;
    private final NoticeInbox inbox;
    private final TransactionTemplate transactions;

    SimulatedRegulator(RegulatorSubmissions submissions, RegulatorProperties properties, JdbcClient jdbc,
                       ObjectMapper json, Provinces provinces, NoticeInbox inbox, TransactionTemplate transactions) {
        this.submissions = submissions;
        this.config = properties.simulator();
        this.jdbc = jdbc;
        this.json = json;
        this.provinces = provinces;
        this.inbox = inbox;
        this.transactions = transactions;
    }

    @Override
    public void submit(Submission submission) {
        submissions.record(submission);
        OffsetDateTime now = EngineClock.nowInChina();
        OffsetDateTime smsAt = now.plus(config.smsDelay());
        OffsetDateTime decisionAt = smsAt.plus(config.decisionDelay());
        String id = submission.filingId();
        if (!submission.smsPrincipals().isEmpty()) {
            schedule(smsAt, new RegulatorNotice(null, RegulatorNotice.Type.SMS_VERIFIED, id, null, null, null));
        }
        Optional<String> rejection = submission.domains().stream()
                .filter(config.rejections()::containsKey).findFirst().map(config.rejections()::get);
        if (rejection.isPresent()) {
            schedule(decisionAt, new RegulatorNotice(null, RegulatorNotice.Type.FILING_REJECTED, id, null, null, rejection.get()));
            return;
        }
        String number = submission.subjectNumber() != null ? submission.subjectNumber() : newSubjectNumber(submission.province());
        schedule(decisionAt, new RegulatorNotice(null, RegulatorNotice.Type.FILING_APPROVED, id, number, null, null));
        if (submission.awaitsSync()) {
            schedule(decisionAt.plus(config.syncDelay()), new RegulatorNotice(null, RegulatorNotice.Type.FILING_SYNCED, id, null, null, null));
        }
    }

    @Override
    public void resendSmsCode(String filingId, List<String> principals) {
        submissions.smsResendRequested(filingId, principals);
    }

    @Override
    public boolean isSynced(String filingId) {
        return jdbc.sql("select count(*) from simulator_event where filing_id = ? and type = 'FILING_SYNCED' and due_at <= ?")
                .params(filingId, EngineClock.nowInChina())
                .query(Long.class).single() > 0;
    }

    @Scheduled(fixedDelayString = "${icp.regulator.simulator.tick:PT2S}")
    void deliverDueNotices() {
        List<Due> due = jdbc.sql("select id, payload from simulator_event where delivered = false and due_at <= ? order by due_at, id")
                .param(EngineClock.nowInChina())
                .query((rs, n) -> new Due(rs.getLong(1), read(rs.getString(2))))
                .list();
        for (Due event : due) {
            try {
                transactions.executeWithoutResult(tx -> {
                    NoticeOutcome outcome = inbox.receive(withId(event));
                    jdbc.sql("update simulator_event set delivered = true where id = ?").param(event.id()).update();
                    log.info("Simulator delivered {} for filing {}: {}", event.notice().type(), event.notice().filingId(), outcome.outcome());
                });
            } catch (RuntimeException e) {
                log.warn("Simulator could not deliver {} for filing {} (will retry): {}", event.notice().type(),
                        event.notice().filingId(), e.toString());
            }
        }
    }

    private static RegulatorNotice withId(Due event) {
        RegulatorNotice n = event.notice();
        return new RegulatorNotice("sim-" + event.id(), n.type(), n.filingId(), n.icpNumber(), n.domain(), n.reason());
    }

    private void schedule(OffsetDateTime at, RegulatorNotice notice) {
        try {
            jdbc.sql("insert into simulator_event (due_at, filing_id, type, payload, delivered) values (?, ?, ?, ?, false)")
                    .params(at, notice.filingId(), notice.type().name(), json.writeValueAsString(notice)).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RegulatorNotice read(String payload) {
        try {
            return json.readValue(payload, RegulatorNotice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** e.g. 浙ICP备2026012345号: the province's abbreviation, the year and a sequence. */
    private String newSubjectNumber(String province) {
        String abbreviation = provinces.find(province).map(Provinces.Province::abbreviation).orElse("京");
        int year = EngineClock.todayInChina().getYear();
        return IcpNumber.subject(abbreviation, year + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000))).toString();
    }
}
