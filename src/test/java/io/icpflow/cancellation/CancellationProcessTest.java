package io.icpflow.cancellation;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.RegistryStatus;
import io.icpflow.regulator.RegulatorNotice.Type;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every path of bpmn/cancellation.bpmn: each type to CANCELLED with the registry released, and the refusals. */
@EngineTest
class CancellationProcessTest {

    @Autowired FilingService service;
    @Autowired FilingRepository filings;
    @Autowired FilingRegistry registry;
    @Autowired ProcessDriver driver;

    @Test
    void cancelWebsiteReleasesTheNumberAndTheDomain() {
        Active active = activeFiling();
        String id = create(TestData.cancellation(FilingType.CANCEL_WEBSITE, active.app.subject(), active.websiteNumber));
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        approveThroughTheCa(id, true, active.websiteNumber);
        assertThat(status(id)).isEqualTo(FilingStatus.CANCELLED);
        assertThat(registry.findDomain(active.domain)).isEmpty();
        assertThat(registry.findWebsite(active.websiteNumber).orElseThrow().status()).isEqualTo(RegistryStatus.CANCELLED);
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status).containsExactly(
                FilingStatus.SUBMITTED, FilingStatus.PROVIDER_REVIEW, FilingStatus.SMS_VERIFICATION, FilingStatus.CA_REVIEW,
                FilingStatus.CANCELLED);
        assertThat(driver.mailsQueued(id)).isEqualTo(5);
        assertThat(driver.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(CancellationProcess.KEY).singleResult().getEndActivityId()).isEqualTo(CancellationProcess.Elements.END_CANCELLED);
        // the domain can be filed again
        FilingApplication again = TestData.withSubject(TestData.enterprise(active.domain), TestData.enterprise().subject());
        assertThat(service.get("alice", driver.create("alice", again)).status()).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void cancelAccessHasNoSmsVerification() {
        Active active = activeFiling();
        String id = create(TestData.cancellation(FilingType.CANCEL_ACCESS, active.app.subject(), active.websiteNumber));
        approveThroughTheCa(id, false, active.websiteNumber);
        assertThat(status(id)).isEqualTo(FilingStatus.CANCELLED);
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status).doesNotContain(FilingStatus.SMS_VERIFICATION);
        assertThat(registry.findWebsite(active.websiteNumber).orElseThrow().status()).isEqualTo(RegistryStatus.ACCESS_CANCELLED);
        assertThat(registry.findDomain(active.domain)).isEmpty();
    }

    @Test
    void cancelSubjectNeedsItsConnectedWebsitesInTheRequest() {
        Active active = activeFiling();
        String refused = create(TestData.cancellation(FilingType.CANCEL_SUBJECT, active.app.subject(), active.subjectNumber));
        Filing returned = filings.get(refused);
        assertThat(returned.status()).isEqualTo(FilingStatus.RETURNED);
        assertThat(returned.reasons()).containsExactly(new Reason(ReasonCode.WEBSITES_STILL_ACCESSED, "websites", active.websiteNumber));
        service.withdraw("alice", refused);

        String id = create(TestData.cancellation(FilingType.CANCEL_SUBJECT, active.app.subject(), active.subjectNumber, active.domain));
        approveThroughTheCa(id, true, active.subjectNumber);
        assertThat(status(id)).isEqualTo(FilingStatus.CANCELLED);
        assertThat(registry.findSubject(active.app.subject().idNumber()).orElseThrow().status()).isEqualTo(RegistryStatus.CANCELLED);
        assertThat(registry.findDomain(active.domain)).isEmpty();
        // the subject may file again and gets a new number
        String refiled = create(TestData.withWebsites(active.app, TestData.enterprise().websites()));
        assertThat(status(refiled)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void aNumberThatIsNotOursIsRefused() {
        Active active = activeFiling();
        String unknown = create(TestData.cancellation(FilingType.CANCEL_WEBSITE, TestData.enterprise().subject(), "浙ICP备2099000001号-1"));
        assertThat(filings.get(unknown).reasons()).extracting(Reason::code).containsExactly(ReasonCode.NUMBER_NOT_OURS);
        String fromBob = service.create("bob", TestData.cancellation(FilingType.CANCEL_ACCESS, active.app.subject(), active.websiteNumber), null)
                .view().id();
        assertThat(filings.get(fromBob).reasons()).extracting(Reason::code).containsExactly(ReasonCode.NUMBER_NOT_OURS);
    }

    @Test
    void oneCancellationOfANumberAtATime() {
        Active active = activeFiling();
        String first = create(TestData.cancellation(FilingType.CANCEL_ACCESS, active.app.subject(), active.websiteNumber));
        assertThat(status(first)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        String second = create(TestData.cancellation(FilingType.CANCEL_ACCESS, active.app.subject(), active.websiteNumber));
        assertThat(filings.get(second).reasons()).extracting(Reason::code).containsExactly(ReasonCode.CANCELLATION_IN_PROGRESS);
    }

    @Test
    void caRejectionGoesBackToTheApplicant() {
        Active active = activeFiling();
        FilingApplication app = TestData.cancellation(FilingType.CANCEL_WEBSITE, active.app.subject(), active.websiteNumber);
        String id = create(app);
        driver.driveToCaReview(id);
        driver.notice(Type.FILING_REJECTED, id, null, "网站仍在运营");
        assertThat(status(id)).isEqualTo(FilingStatus.CA_REJECTED);
        driver.resubmit("alice", id, app);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(registry.findDomain(active.domain)).isPresent();
    }

    @Test
    void withdrawnAndAbandonedCancellations() {
        Active active = activeFiling();
        String withdrawn = create(TestData.cancellation(FilingType.CANCEL_ACCESS, active.app.subject(), active.websiteNumber));
        assertThat(service.withdraw("alice", withdrawn).status()).isEqualTo(FilingStatus.WITHDRAWN);
        String abandoned = create(TestData.cancellation(FilingType.CANCEL_WEBSITE, TestData.enterprise().subject(), "浙ICP备2099000002号-1"));
        driver.fire(abandoned, ProviderStageProcess.Elements.INACTIVE_DAY_45);
        assertThat(status(abandoned)).isEqualTo(FilingStatus.CLOSED);
        assertThat(driver.endActivity(withdrawn, CancellationProcess.KEY)).isEqualTo(CancellationProcess.Elements.END_WITH_PROVIDER);
        assertThat(driver.passed(withdrawn, ProviderStageProcess.KEY, ProviderStageProcess.Elements.END_WITHDRAWN)).isTrue();
        assertThat(driver.endActivity(abandoned, CancellationProcess.KEY)).isEqualTo(CancellationProcess.Elements.END_WITH_PROVIDER);
        assertThat(driver.passed(abandoned, ProviderStageProcess.KEY, ProviderStageProcess.Elements.END_CLOSED)).isTrue();
    }

    private record Active(FilingApplication app, String domain, String subjectNumber, String websiteNumber) {
    }

    /** A new filing driven to ACTIVE, as the thing to cancel. */
    private Active activeFiling() {
        FilingApplication app = TestData.enterprise();
        String id = create(app);
        String subjectNumber = TestData.newSubjectNumber();
        driver.driveToActive(id, subjectNumber);
        return new Active(app, app.websites().get(0).domains().get(0), subjectNumber, TestData.websiteNumber(subjectNumber, 1));
    }

    private void approveThroughTheCa(String id, boolean sms, String number) {
        driver.driveToApproved(id, number);
        // MIIT texts the principals of every type but cancel-access
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status)
                .filteredOn(FilingStatus.SMS_VERIFICATION::equals).hasSize(sms ? 1 : 0);
    }

    private String create(FilingApplication app) {
        return driver.create("alice", app);
    }

    private FilingStatus status(String id) {
        return filings.get(id).status();
    }
}
