package io.icpflow.access;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingService;
import io.icpflow.regulator.ControllableRegulator;
import io.icpflow.regulator.RegulatorNotice.Type;
import io.icpflow.syncwait.SyncWaitProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static io.icpflow.access.AccessCheckProcess.Elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of bpmn/access-check.bpmn (000). */
@EngineTest
class AccessCheckProcessTest {

    @Autowired AccessCheckService checks;
    @Autowired FilingService filings;
    @Autowired ProcessDriver driver;
    @Autowired ControllableRegulator regulator;
    @Autowired JdbcClient jdbc;

    @Test
    void unfiledDomainIsRefusedWithGuidance() {
        AccessCheckService.View view = start(TestData.domain());
        assertThat(view.outcome()).isEqualTo(AccessOutcome.NOT_FILED);
        assertThat(view.nextCheckAt()).isNull();
        assertThat(view.message()).contains("POST /api/filings").contains("TRANSFER");
        assertThat(history(view.id())).isEqualTo(Elements.END_NOT_FILED);
    }

    @Test
    void syncedDomainIsAllowed() {
        String domain = filing(true);
        AccessCheckService.View view = start(domain);
        assertThat(view.outcome()).isEqualTo(AccessOutcome.ALLOWED);
        assertThat(history(view.id())).isEqualTo(Elements.END_ALLOWED);
    }

    @Test
    void approvedButNotSyncedWaitsAndTurnsAllowedWhenTheSyncNoticeArrives() {
        String filingId = filingId(false);
        String domain = domainOf(filingId);
        AccessCheckService.View waiting = start(domain);
        assertThat(waiting.outcome()).isEqualTo(AccessOutcome.WAITING_FOR_SYNC);
        assertThat(Duration.between(EngineClock.nowInChina(), waiting.nextCheckAt()).toHours()).isCloseTo(24, within(1L));
        ProcessInstance check = driver.instance(waiting.id(), AccessCheckProcess.KEY);
        assertThat(check).isWaitingAt(Elements.WAIT);

        driver.notice(Type.FILING_SYNCED, filingId, null, null);
        assertThat(check).isEnded().hasPassed(Elements.END_ALLOWED_AFTER_WAIT);
        AccessCheckService.View allowed = checks.get("alice", waiting.id(), Locale.ENGLISH);
        assertThat(allowed.outcome()).isEqualTo(AccessOutcome.ALLOWED);
        assertThat(allowed.nextCheckAt()).isNull();
        assertThat(driver.mailSubjects(filingId)).anySatisfy(s -> assertThat(s).isEqualTo("ICP备案 " + filingId + "：" + domain + " 现在可以接入 ANTI_DDOS"));
    }

    @Test
    void theNextDailyCheckFindsASyncThatCameByPolling() {
        String filingId = filingId(false);
        AccessCheckService.View waiting = start(domainOf(filingId));
        regulator.markSynced(filingId);
        driver.fire(filingId, SyncWaitProcess.Elements.POLL_INTERVAL);
        driver.fire(waiting.id(), Elements.RETRY_DUE);
        assertThat(checks.get("alice", waiting.id(), Locale.ENGLISH).outcome()).isEqualTo(AccessOutcome.ALLOWED);
        assertThat(history(waiting.id())).isEqualTo(Elements.END_ALLOWED_AFTER_WAIT);
    }

    @Test
    void stillNotSyncedAfterTheLastCheckGoesToOperations() {
        AccessCheckService.View waiting = start("miit-only.cn");
        assertThat(waiting.outcome()).isEqualTo(AccessOutcome.WAITING_FOR_SYNC);
        driver.fire(waiting.id(), Elements.RETRY_DUE);
        driver.fire(waiting.id(), Elements.RETRY_DUE);
        AccessCheckService.View last = checks.get("alice", waiting.id(), Locale.ENGLISH);
        assertThat(last.outcome()).isEqualTo(AccessOutcome.WAITING_FOR_SYNC);
        assertThat(last.nextCheckAt()).isNull();
        driver.complete(waiting.id(), AccessCheckProcess.Tasks.STILL_NOT_SYNCED, Map.of("escalationNote", "asked MIIT"));
        assertThat(history(waiting.id())).isEqualTo(Elements.END_ESCALATED);
    }

    private AccessCheckService.View start(String domain) {
        return checks.start("alice", new AccessCheckService.Request(domain, Product.ANTI_DDOS), Locale.ENGLISH);
    }

    private String history(String checkId) {
        return driver.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(checkId)
                .singleResult().getEndActivityId();
    }

    private String filing(boolean synced) {
        return domainOf(filingId(synced));
    }

    private String domainOf(String filingId) {
        return jdbc.sql("select domain from filing_domain where filing_id = ?").param(filingId).query(String.class).single();
    }

    /** A new filing approved by MIIT, synced or not yet. */
    private String filingId(boolean synced) {
        FilingApplication app = TestData.enterprise();
        String id = driver.create("alice", app);
        if (synced) {
            driver.driveToActive(id, TestData.newSubjectNumber());
        } else {
            driver.driveToApproved(id, TestData.newSubjectNumber());
        }
        return id;
    }
}
