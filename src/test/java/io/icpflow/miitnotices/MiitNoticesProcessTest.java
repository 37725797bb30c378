package io.icpflow.miitnotices;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.registry.ControllableResolution;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulator.NoticeInbox;
import io.icpflow.regulator.NoticeOutcome;
import io.icpflow.regulator.RegulatorNotice.Type;
import io.icpflow.regulator.RegulatorNotice;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** bpmn/number-cancelled.bpmn and bpmn/remediation.bpmn: MIIT's notices about filed numbers (004). */
@EngineTest
class MiitNoticesProcessTest {

    @Autowired FilingService service;
    @Autowired FilingRepository filings;
    @Autowired FilingRegistry registry;
    @Autowired NoticeInbox inbox;
    @Autowired ProcessDriver driver;
    @Autowired ControllableResolution resolution;
    @Autowired JdbcClient jdbc;

    @Test
    void numberCancelledByMiitCancelsTheFilingAndReleasesTheDomainOnce() {
        Active active = activeFiling(TestData.enterprise());
        String notice = "n-" + UUID.randomUUID();
        assertThat(receive(notice, Type.ICP_NUMBER_CANCELLED, active.websiteNumber(), null).outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
        Filing cancelled = filings.get(active.filingId());
        assertThat(cancelled.status()).isEqualTo(FilingStatus.CANCELLED);
        assertThat(cancelled.reasons()).containsExactly(new Reason(ReasonCode.NUMBER_CANCELLED_BY_MIIT, null, active.websiteNumber()));
        assertThat(registry.findDomain(active.domain())).isEmpty();
        assertThat(jdbc.sql("select body_text from mail_outbox where filing_id = ? and subject like ?")
                .params(active.filingId(), "%CANCELLED%").query(String.class).single()).contains("立即重新申请备案");
        assertThat(receive(notice, Type.ICP_NUMBER_CANCELLED, active.websiteNumber(), null).outcome()).isEqualTo(NoticeOutcome.Result.DUPLICATE);
        assertThat(receive("n-" + UUID.randomUUID(), Type.ICP_NUMBER_CANCELLED, active.websiteNumber(), null).outcome())
                .isEqualTo(NoticeOutcome.Result.UNMATCHED);
        assertThat(filings.timeline(active.filingId())).filteredOn(t -> t.status() == FilingStatus.CANCELLED).hasSize(1);
    }

    @Test
    void subjectNumberCancelledCancelsEveryFilingOfTheSubject() {
        FilingApplication first = TestData.enterprise();
        Active one = activeFiling(first);
        FilingApplication website = new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", first.subject(),
                List.of(new Website("二号站", List.of(TestData.domain()), "cn-hangzhou", Content.COMPANY, true)), null, null);
        Active two = drive(driver.create("alice", website), one.subjectNumber());
        receive("n-" + UUID.randomUUID(), Type.ICP_NUMBER_CANCELLED, one.subjectNumber(), null);
        assertThat(filings.get(one.filingId()).status()).isEqualTo(FilingStatus.CANCELLED);
        assertThat(filings.get(two.filingId()).status()).isEqualTo(FilingStatus.CANCELLED);
        assertThat(registry.findSubject(first.subject().idNumber()).orElseThrow().status()).isEqualTo(RegistryStatus.CANCELLED);
    }

    @Test
    void invalidFilingRemediedByPointingTheDomainBack() {
        ClockUtil.setCurrentTime(date("2026-11-20T10:00:00+08:00")); // Friday
        Active active = activeFiling(TestData.enterprise());
        resolution.pointElsewhere(active.domain());
        assertThat(receive("n-" + UUID.randomUUID(), Type.FILING_INVALID, active.subjectNumber(), active.domain()).outcome())
                .isEqualTo(NoticeOutcome.Result.APPLIED);
        Filing flagged = filings.get(active.filingId());
        assertThat(flagged.status()).isEqualTo(FilingStatus.REMEDIATION_REQUIRED);
        assertThat(flagged.reasons()).extracting(Reason::code).containsExactly(ReasonCode.FILING_INVALID);
        // 10 business days from Friday Nov 20: Nov 23-27, Nov 30-Dec 4 → due end of Friday Dec 4
        assertThat(driver.timer(active.filingId(), RemediationProcess.Elements.WINDOW_OVER).getDuedate())
                .isEqualTo(date("2026-12-05T00:00:00+08:00"));
        // a second report while the remediation runs is not applied twice
        assertThat(receive("n-" + UUID.randomUUID(), Type.FILING_INVALID, active.subjectNumber(), active.domain()).outcome())
                .isEqualTo(NoticeOutcome.Result.UNMATCHED);

        driver.fire(active.filingId(), RemediationProcess.Elements.NEXT_CHECK);
        assertThat(filings.get(active.filingId()).status()).isEqualTo(FilingStatus.REMEDIATION_REQUIRED);
        assertThat(driver.mailSubjects(active.filingId())).anySatisfy(s -> assertThat(s).contains("提醒"));

        resolution.pointBack(active.domain());
        driver.fire(active.filingId(), RemediationProcess.Elements.NEXT_CHECK);
        Filing remedied = filings.get(active.filingId());
        assertThat(remedied.status()).isEqualTo(FilingStatus.ACTIVE);
        assertThat(remedied.reasons()).isEmpty();
        assertThat(registry.findDomain(active.domain()).orElseThrow().accessEnabled()).isTrue();
        assertThat(endOf(active.filingId())).isEqualTo(RemediationProcess.Elements.END_REMEDIED);
    }

    @Test
    void invalidFilingRemediedByMovingItAway() {
        FilingApplication app = TestData.enterprise();
        Active active = activeFiling(app);
        resolution.pointElsewhere(active.domain());
        receive("n-" + UUID.randomUUID(), Type.FILING_INVALID, active.websiteNumber(), active.domain());
        service.create("alice", TestData.cancellation(FilingType.CANCEL_ACCESS, app.subject(), active.websiteNumber()), null);
        driver.fire(active.filingId(), RemediationProcess.Elements.NEXT_CHECK);
        assertThat(filings.get(active.filingId()).status()).isEqualTo(FilingStatus.ACTIVE);
    }

    @Test
    void invalidFilingNotRemediedInTimeLosesItsAccess() {
        Active active = activeFiling(TestData.enterprise());
        resolution.pointElsewhere(active.domain());
        receive("n-" + UUID.randomUUID(), Type.FILING_INVALID, active.subjectNumber(), active.domain());
        driver.fire(active.filingId(), RemediationProcess.Elements.WINDOW_OVER);
        Filing lost = filings.get(active.filingId());
        assertThat(lost.status()).isEqualTo(FilingStatus.CANCELLED);
        assertThat(lost.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ACCESS_CANCELLED_NOT_REMEDIED);
        assertThat(registry.findWebsite(active.websiteNumber()).orElseThrow().status()).isEqualTo(RegistryStatus.ACCESS_CANCELLED);
        assertThat(registry.findDomain(active.domain())).isEmpty();
        assertThat(endOf(active.filingId())).isEqualTo(RemediationProcess.Elements.END_ACCESS_CANCELLED);
    }

    @Test
    void noticesAboutDomainsOrNumbersNotOursAreKeptUnmatched() {
        assertThat(receive("n-" + UUID.randomUUID(), Type.FILING_INVALID, "浙ICP备2099000009号", TestData.domain()).outcome())
                .isEqualTo(NoticeOutcome.Result.UNMATCHED);
        assertThat(receive("n-" + UUID.randomUUID(), Type.ICP_NUMBER_CANCELLED, "浙ICP备2099000009号-1", null).outcome())
                .isEqualTo(NoticeOutcome.Result.UNMATCHED);
    }

    private record Active(String filingId, String domain, String subjectNumber, String websiteNumber) {
    }

    private Active activeFiling(FilingApplication app) {
        String number = TestData.newSubjectNumber();
        return drive(driver.create("alice", app), number);
    }

    private Active drive(String id, String subjectNumber) {
        driver.driveToActive(id, subjectNumber);
        String domain = filings.get(id).application().websites().get(0).domains().get(0);
        return new Active(id, domain, subjectNumber, registry.findDomain(domain).orElseThrow().websiteIcpNumber());
    }

    private NoticeOutcome receive(String id, Type type, String icpNumber, String domain) {
        return inbox.receive(new RegulatorNotice(id, type, null, icpNumber, domain, null));
    }

    private String endOf(String filingId) {
        return driver.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(filingId)
                .processDefinitionKey(RemediationProcess.KEY).singleResult().getEndActivityId();
    }

    private static Date date(String iso) {
        return Date.from(ZonedDateTime.parse(iso).toInstant());
    }

}
