package io.icpflow.regulator;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** bpmn/notice-conflict.bpmn: a notice the registry refused is kept and goes to operations as a task. */
@EngineTest
class NoticeConflictProcessTest {

    @Autowired NoticeInbox inbox;
    @Autowired ProcessDriver driver;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void aConflictingNoticeIsKeptAndFollowedUpByOperations() {
        String filingId = UUID.randomUUID().toString();
        RegulatorNotice notice = new RegulatorNotice("n-" + UUID.randomUUID(), RegulatorNotice.Type.FILING_APPROVED, filingId,
                "浙ICP备2026000001号", null, null);
        NoticeOutcome outcome = transactions.execute(tx -> inbox.keepConflicting(notice, "the registry refused it: domain held"));
        assertThat(outcome.outcome()).isEqualTo(NoticeOutcome.Result.CONFLICT);
        assertThat(jdbc.sql("select outcome from regulator_notice where notification_id = ?").param(notice.notificationId())
                .query(String.class).single()).isEqualTo("CONFLICT");

        ProcessInstance conflict = driver.instance(filingId, NoticeConflictProcess.KEY);
        assertThat(conflict).isWaitingAt(NoticeConflictProcess.Tasks.FOLLOW_UP);
        Task task = driver.task(filingId, NoticeConflictProcess.Tasks.FOLLOW_UP);
        assertThat(task.getName()).isEqualTo("Conflicting notice FILING_APPROVED for " + filingId);
        assertThat(task.getDescription()).contains("domain held");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("icp-ops"));

        driver.complete(filingId, NoticeConflictProcess.Tasks.FOLLOW_UP, Map.of("escalationNote", "MIIT asked to withdraw the duplicate"));
        assertThat(conflict).isEnded().hasPassed("Event_FollowedUp");
    }

    @Test
    void aNoticeWithoutAFilingIsKeptUnderItsOwnId() {
        RegulatorNotice notice = new RegulatorNotice("n-" + UUID.randomUUID(), RegulatorNotice.Type.FILING_SYNCED, null,
                "浙ICP备2026000002号", null, null);
        transactions.execute(tx -> inbox.keepConflicting(notice, "the registry refused it"));
        Task task = driver.task(notice.notificationId(), NoticeConflictProcess.Tasks.FOLLOW_UP);
        assertThat(task.getName()).isEqualTo("Conflicting notice FILING_SYNCED for " + notice.notificationId());
    }
}
