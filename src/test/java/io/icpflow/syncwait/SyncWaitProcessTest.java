package io.icpflow.syncwait;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.FilingCase;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulator.ControllableRegulator;
import io.icpflow.regulator.NoticeInbox;
import io.icpflow.regulator.NoticeOutcome;
import io.icpflow.regulator.RegulatorNotice;
import io.icpflow.regulator.RegulatorNotice.Type;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.NewWebsite;
import io.icpflow.registry.FilingRegistry.RegisteredSubject;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.icpflow.syncwait.SyncWaitProcess.Elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of bpmn/sync-wait.bpmn: synced by notice, by number, by poll; overdue escalation. */
@EngineTest
class SyncWaitProcessTest {

    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtime;
    @Autowired FilingRegistry registry;
    @Autowired ControllableRegulator regulator;
    @Autowired NoticeInbox inbox;

    private String filingId;
    private String domain;
    private String number;

    @BeforeEach
    void approvedFiling() {
        filingId = UUID.randomUUID().toString();
        domain = TestData.domain();
        number = TestData.newSubjectNumber();
        registry.recordApproval(new RegisteredSubject(TestData.uscc(), "alice", "ENTERPRISE", "杭州示例科技有限公司", "ZJ", number, RegistryStatus.ACTIVE),
                filingId, List.of(new NewWebsite(0, "示例官网", "cn-hangzhou", List.of(domain))));
    }

    @Test
    void syncNoticeEnablesAccess() {
        ProcessInstance wait = start();
        assertThat(wait).isWaitingAt(Elements.WAIT);
        assertThat(registry.findDomain(domain).orElseThrow().accessEnabled()).isFalse();

        NoticeOutcome outcome = inbox.receive(new RegulatorNotice("n-" + UUID.randomUUID(), Type.FILING_SYNCED, filingId, null, null, null));
        assertThat(outcome.outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
        assertThat(wait).isEnded().hasPassed(Elements.ENABLE_ACCESS, Elements.END_SYNCED);
        assertThat(registry.findDomain(domain).orElseThrow().accessEnabled()).isTrue();
    }

    @Test
    void syncNoticeByIcpNumberFindsTheFiling() {
        ProcessInstance wait = start();
        inbox.receive(new RegulatorNotice("n-" + UUID.randomUUID(), Type.FILING_SYNCED, null, TestData.websiteNumber(number, 1), null, null));
        assertThat(wait).isEnded();
        assertThat(registry.findDomain(domain).orElseThrow().synced()).isTrue();
    }

    @Test
    void pollingFindsTheSyncWhenNoNoticeComes() {
        ProcessInstance wait = start();
        driver.fire(filingId, Elements.POLL_INTERVAL);
        assertThat(wait).isWaitingAt(Elements.WAIT);
        regulator.markSynced(filingId);
        driver.fire(filingId, Elements.POLL_INTERVAL);
        assertThat(wait).isEnded().hasPassed(Elements.END_SYNCED).hasNotPassed("Event_SyncNoticeReceived");
        assertThat(registry.findDomain(domain).orElseThrow().accessEnabled()).isTrue();
    }

    @Test
    void notSyncedTwoBusinessDaysAfterApprovalEscalatesToOpsAndKeepsWaiting() {
        ClockUtil.setCurrentTime(date("2026-11-20T15:00:00+08:00")); // a Friday
        ProcessInstance wait = start();
        // Monday and Tuesday: due at the end of Tuesday 2026-11-24
        assertThat(driver.timer(filingId, Elements.SYNC_OVERDUE).getDuedate()).isEqualTo(date("2026-11-25T00:00:00+08:00"));
        driver.fire(filingId, Elements.SYNC_OVERDUE);
        Task chase = driver.task(filingId, SyncWaitProcess.Tasks.SYNC_OVERDUE);
        assertThat(chase.getName()).contains(filingId);
        assertThat(wait).isWaitingAt(Elements.WAIT);
        driver.complete(filingId, SyncWaitProcess.Tasks.SYNC_OVERDUE, Map.of("escalationNote", "asked the CA"));
        inbox.receive(new RegulatorNotice("n-" + UUID.randomUUID(), Type.FILING_SYNCED, filingId, null, null, null));
        assertThat(wait).isEnded().hasPassed("Event_SyncEscalationDone", Elements.END_SYNCED);
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(SyncWaitProcess.KEY, filingId, Map.of(FilingCase.FILING_ID.name(), filingId));
    }

    private static Date date(String iso) {
        return Date.from(ZonedDateTime.parse(iso).toInstant());
    }
}
