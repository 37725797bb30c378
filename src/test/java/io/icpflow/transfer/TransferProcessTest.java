package io.icpflow.transfer;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.regulator.RegulatorNotice.Type;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of bpmn/transfer.bpmn: full and partial transfer to ACTIVE with the numbers kept, refusals, CA rejection, withdrawal, expiry. */
@EngineTest
class TransferProcessTest {

    private static final String SUBJECT = "迁入科技有限公司";

    @Autowired FilingService service;
    @Autowired FilingRepository filings;
    @Autowired FilingRegistry registry;
    @Autowired ProcessDriver driver;
    @Autowired JdbcClient jdbc;

    @Test
    void transferOfEveryDomainKeepsTheNumbersAndWarnsAboutTheEmptyShell() {
        String id = create(TestData.transfer(SUBJECT, "粤ICP备2020000011号", "transfer-all-1.cn"));
        Filing filing = filings.get(id);
        assertThat(filing.status()).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(filing.notices()).containsExactly(new Reason(ReasonCode.EMPTY_SHELL_AFTER_TRANSFER, "icpNumber", "粤ICP备2020000011号"));
        ProcessInstance transfer = driver.instance(id, TransferProcess.KEY);

        driver.driveToCaReview(id);
        driver.notice(Type.FILING_APPROVED, id, "粤ICP备2020000011号", null);
        assertThat(status(id)).isEqualTo(FilingStatus.APPROVED);
        assertThat(registry.websiteNumbers(id)).containsEntry(0, "粤ICP备2020000011号-1");
        assertThat(registry.findDomain("transfer-all-1.cn").orElseThrow().accessEnabled()).isFalse();
        driver.notice(Type.FILING_SYNCED, id, null, null);
        assertThat(status(id)).isEqualTo(FilingStatus.ACTIVE);
        assertThat(registry.findDomain("transfer-all-1.cn").orElseThrow().accessEnabled()).isTrue();
        assertThat(transfer).isEnded().hasPassed(TransferProcess.Elements.RECORD_TRANSFER, TransferProcess.Elements.END_ACTIVE);
        assertThat(filings.get(id).icpNumber()).isEqualTo("粤ICP备2020000011号");
        // every status mail after the pre-checks repeats what the empty shell means
        assertThat(jdbc.sql("select body_text from mail_outbox where filing_id = ?").param(id).query(String.class).list())
                .hasSize(7).filteredOn(body -> body.contains("空壳") && body.contains("7天")).hasSize(6);
    }

    @Test
    void partialTransferKeepsBothFilingsUsable() {
        String id = create(TestData.transfer(SUBJECT, "苏ICP备2020000021号", "transfer-part-1b.cn"));
        assertThat(filings.get(id).notices()).extracting(Reason::code).containsExactly(ReasonCode.PARTIAL_TRANSFER);
        driver.driveToCaReview(id);
        driver.notice(Type.FILING_APPROVED, id, "苏ICP备2020000021号", null);
        driver.notice(Type.FILING_SYNCED, id, null, null);
        assertThat(status(id)).isEqualTo(FilingStatus.ACTIVE);
        assertThat(registry.websiteNumbers(id)).containsEntry(0, "苏ICP备2020000021号-2");
    }

    @Test
    void aNumberMiitDoesNotHaveForTheDomainIsReturned() {
        String id = create(TestData.transfer(SUBJECT, "粤ICP备2099999999号", "transfer-all-2.cn"));
        assertThat(filings.get(id).status()).isEqualTo(FilingStatus.RETURNED);
        assertThat(filings.get(id).reasons()).extracting(Reason::code).containsExactly(ReasonCode.TRANSFER_NOT_FOUND);
        String unfiled = create(TestData.transfer(SUBJECT, "粤ICP备2020000012号", TestData.domain()));
        assertThat(filings.get(unfiled).reasons()).extracting(Reason::code).contains(ReasonCode.TRANSFER_NOT_FOUND);
    }

    @Test
    void anotherSubjectsFilingCannotBeTransferred() {
        String id = create(TestData.transfer(SUBJECT, "苏ICP备2020000031号", "transfer-foreign-subject.cn"));
        assertThat(filings.get(id).reasons()).extracting(Reason::code).containsExactly(ReasonCode.TRANSFER_SUBJECT_MISMATCH);
    }

    @Test
    void aSubjectWithAnApplicationInProgressMayStillTransferIn() {
        FilingApplication newFiling = TestData.enterpriseNamed(SUBJECT);
        driver.create("alice", newFiling);
        FilingApplication transfer = TestData.withSubject(TestData.transfer(SUBJECT, "苏ICP备2020000022号", "transfer-part-2a.cn"),
                newFiling.subject());
        assertThat(status(create(transfer))).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void caRejectionGoesBackToTheApplicantAndThroughReviewAgain() {
        FilingApplication app = TestData.transfer(SUBJECT, "粤ICP备2020000013号", "transfer-all-3.cn");
        String id = create(app);
        driver.driveToCaReview(id);
        driver.notice(Type.FILING_REJECTED, id, null, "原接入商尚未释放");
        assertThat(status(id)).isEqualTo(FilingStatus.CA_REJECTED);
        driver.resubmit("alice", id, app);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        service.withdraw("alice", id);
        assertThat(status(id)).isEqualTo(FilingStatus.WITHDRAWN);
        assertThat(driver.endActivity(id, TransferProcess.KEY)).isEqualTo(TransferProcess.Elements.END_WITH_PROVIDER);
        assertThat(driver.passed(id, ProviderStageProcess.KEY, ProviderStageProcess.Elements.END_WITHDRAWN)).isTrue();
    }

    @Test
    void returnedTransferUntouchedFor45DaysIsClosed() {
        String id = create(TestData.transfer(SUBJECT, "粤ICP备2099999998号", TestData.domain()));
        assertThat(status(id)).isEqualTo(FilingStatus.RETURNED);
        driver.fire(id, ProviderStageProcess.Elements.INACTIVE_DAY_45);
        assertThat(status(id)).isEqualTo(FilingStatus.CLOSED);
        assertThat(driver.endActivity(id, TransferProcess.KEY)).isEqualTo(TransferProcess.Elements.END_WITH_PROVIDER);
        assertThat(driver.passed(id, ProviderStageProcess.KEY, ProviderStageProcess.Elements.END_CLOSED)).isTrue();
    }

    private String create(FilingApplication app) {
        return driver.create("alice", app);
    }

    private FilingStatus status(String id) {
        return filings.get(id).status();
    }
}
