package io.icpflow.newfiling;

import com.icegreen.greenmail.util.GreenMail;
import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.EscalationListener;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.FilingView;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.filing.Sla;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.regulator.ControllableRegulator;
import io.icpflow.regulator.NoticeInbox;
import io.icpflow.regulator.NoticeOutcome;
import io.icpflow.regulator.RegulatorNotice.Type;
import io.icpflow.regulator.RegulatorNotice;
import io.icpflow.regulatorreview.RegulatorReviewProcess;
import io.icpflow.web.ApiException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.icpflow.newfiling.NewFilingProcess.Elements;
import static io.icpflow.providerstage.ProviderStageProcess.Tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of bpmn/filing.bpmn, with what it changes: status, timeline, registry, mails. */
@EngineTest
class NewFilingProcessTest {

    private static final String OWNER = "alice";

    @Autowired FilingService service;
    @Autowired FilingRepository filings;
    @Autowired FilingRegistry registry;
    @Autowired ProcessDriver driver;
    @Autowired ControllableRegulator regulator;
    @Autowired ManagementService management;
    @Autowired GreenMail smtp;
    @Autowired JdbcClient jdbc;
    @Autowired NoticeInbox inbox;

    @Test
    void happyPathReachesActiveWithNumbersAccessAndOneMailPerStatus() throws Exception {
        String id = create(TestData.enterprise()).id();
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        ProcessInstance instance = driver.instance(id, NewFilingProcess.KEY);
        assertThat(instance).isWaitingAt(Elements.WITH_PROVIDER);
        assertThat(driver.instance(id, ProviderStageProcess.KEY)).isWaitingAt(Tasks.PROVIDER_REVIEW).task().hasCandidateGroup("icp-reviewers");

        driver.approve(id);
        assertThat(instance).isWaitingAt(Elements.REGULATOR_REVIEW);
        assertThat(driver.instance(id, RegulatorReviewProcess.KEY)).isWaitingAt(RegulatorReviewProcess.Elements.SUBMIT_TO_CA);
        driver.runAsyncJobs(id);
        assertThat(status(id)).isEqualTo(FilingStatus.SMS_VERIFICATION);
        assertThat(jdbc.sql("select count(*) from regulator_submission where filing_id = ?").param(id).query(Long.class).single()).isEqualTo(1);

        assertThat(driver.notice(Type.SMS_VERIFIED, id, null, null).outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
        assertThat(status(id)).isEqualTo(FilingStatus.CA_REVIEW);

        driver.notice(Type.FILING_APPROVED, id, "浙ICP备2026012345号", null);
        assertThat(status(id)).isEqualTo(FilingStatus.APPROVED);
        Filing approved = filings.get(id);
        assertThat(approved.icpNumber()).isEqualTo("浙ICP备2026012345号");
        String domain = approved.application().websites().get(0).domains().get(0);
        assertThat(registry.websiteNumbers(id)).containsEntry(0, "浙ICP备2026012345号-1");
        assertThat(registry.findDomain(domain)).hasValueSatisfying(d -> assertThat(d.accessEnabled()).isFalse());

        driver.notice(Type.FILING_SYNCED, id, null, null);
        assertThat(status(id)).isEqualTo(FilingStatus.ACTIVE);
        assertThat(registry.findDomain(domain)).hasValueSatisfying(d -> {
            assertThat(d.accessEnabled()).isTrue();
            assertThat(d.synced()).isTrue();
        });
        assertThat(instance).isWaitingAt(Elements.PUBLIC_SECURITY_REMINDER_DUE);
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status).containsExactly(
                FilingStatus.SUBMITTED, FilingStatus.IDENTITY_VERIFICATION, FilingStatus.PROVIDER_REVIEW, FilingStatus.SMS_VERIFICATION,
                FilingStatus.CA_REVIEW, FilingStatus.APPROVED, FilingStatus.ACTIVE);

        driver.fire(id, Elements.PUBLIC_SECURITY_REMINDER_DUE);
        assertThat(instance).isEnded().hasPassed(Elements.END_ACTIVE);

        int before = smtp.getReceivedMessages().length;
        assertThat(driver.deliverMails(id)).isEqualTo(8);
        List<MimeMessage> sent = Arrays.asList(smtp.getReceivedMessages()).subList(before, before + 8);
        assertThat(sent).allSatisfy(m -> assertThat(m.getSubject()).contains(id));
        assertThat(sent.get(0).getAllRecipients()[0].toString()).isEqualTo("zhang@example.com");
        assertThat(subjects(sent)).anySatisfy(s -> assertThat(s).contains("ACTIVE"))
                .anySatisfy(s -> assertThat(s).contains("APPROVED"))
                .anySatisfy(s -> assertThat(s).contains("提醒"))
                .anySatisfy(s -> assertThat(s).contains("IDENTITY_VERIFICATION"));
        // the verification mail carries each principal's link
        assertThat(jdbc.sql("select body_text from mail_outbox where filing_id = ? and subject like '%IDENTITY_VERIFICATION%'")
                .param(id).query(String.class).single())
                .contains("核验链接", "主体负责人: https://verification.example.invalid/sessions/", "网站负责人: https://verification.example.invalid/sessions/");
        // the subject may now start another application
        assertThat(jdbc.sql("select count(*) from subject_application where filing_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aNoticeThatOvertakesTheSubmissionIsHeldBackUntilTheFilingWaitsForIt() {
        String id = create(TestData.enterprise()).id();
        driver.approve(id);
        // the submission to the CA is still a due job: the filing is moving towards the SMS wait
        RegulatorNotice early = new RegulatorNotice("n-" + UUID.randomUUID(), Type.SMS_VERIFIED, id, null, null, null);
        assertThat(inbox.receiveUnlessMoving(early)).isEmpty();
        assertThat(jdbc.sql("select count(*) from regulator_notice where notification_id = ?").param(early.notificationId())
                .query(Long.class).single()).as("nothing stored while the filing moves").isZero();

        driver.runAsyncJobs(id);
        assertThat(inbox.receiveUnlessMoving(early)).hasValueSatisfying(o -> assertThat(o.outcome()).isEqualTo(NoticeOutcome.Result.APPLIED));
        assertThat(status(id)).isEqualTo(FilingStatus.CA_REVIEW);

        // a filing that is not moving gets its answer at once: unmatched, and kept
        RegulatorNotice again = new RegulatorNotice("n-" + UUID.randomUUID(), Type.SMS_VERIFIED, id, null, null, null);
        assertThat(inbox.receiveUnlessMoving(again)).hasValueSatisfying(o -> assertThat(o.outcome()).isEqualTo(NoticeOutcome.Result.UNMATCHED));
    }

    @Test
    void newWebsiteOfAFiledSubjectGetsTheNextWebsiteNumber() {
        FilingApplication first = TestData.enterprise();
        String firstId = create(first).id();
        driver.driveToActive(firstId, "浙ICP备2026054321号");
        FilingApplication second = new FilingApplication(FilingType.NEW_WEBSITE, "en", first.subject(),
                List.of(new Website("Shop", List.of(TestData.domain()), "cn-shanghai", Content.COMPANY, true)), null, null);
        String secondId = create(second).id();
        driver.driveToActive(secondId, "浙ICP备2026054321号");
        assertThat(registry.websiteNumbers(secondId)).containsEntry(0, "浙ICP备2026054321号-2");
        assertThat(driver.mailSubjects(secondId)).allSatisfy(s -> assertThat(s).startsWith("ICP filing " + secondId));
    }

    @Test
    void serverOutsideTheMainlandNeedsNoFiling() {
        String id = create(TestData.withRegion(TestData.enterprise(), "cn-hongkong")).id();
        Filing filing = filings.get(id);
        assertThat(filing.status()).isEqualTo(FilingStatus.NOT_REQUIRED);
        assertThat(filing.reasons()).extracting(Reason::code).containsExactly(ReasonCode.SERVER_OUTSIDE_MAINLAND);
        assertThat(driver.instance(id, NewFilingProcess.KEY)).isNull();
        assertThat(driver.mailsQueued(id)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from subject_application where filing_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void subDomainOfADomainFiledHereNeedsNoFiling() {
        FilingApplication first = TestData.enterprise();
        String firstId = create(first).id();
        driver.driveToActive(firstId, "浙ICP备2026000777号");
        String filedDomain = first.websites().get(0).domains().get(0);
        String id = create(TestData.enterprise("www." + filedDomain)).id();
        Filing filing = filings.get(id);
        assertThat(filing.status()).isEqualTo(FilingStatus.NOT_REQUIRED);
        assertThat(filing.reasons()).extracting(Reason::code).containsExactly(ReasonCode.SUBDOMAIN_OF_FILED_DOMAIN);
    }

    @Test
    void failedPreChecksReturnWithReasonsAndACorrectedResubmissionGoesToReview() {
        FilingApplication app = TestData.enterprise("expired-domain.cn");
        String id = create(app).id();
        Filing returned = filings.get(id);
        assertThat(returned.status()).isEqualTo(FilingStatus.RETURNED);
        assertThat(returned.reasons()).containsExactly(new Reason(ReasonCode.DOMAIN_EXPIRED, "websites[0].domains[0]", "expired-domain.cn"));
        assertThat(driver.instance(id, ProviderStageProcess.KEY)).isWaitingAt(ProviderStageProcess.Elements.WAIT_FOR_CORRECTION);

        FilingView view = driver.resubmit(OWNER, id, TestData.withWebsites(app, List.of(
                new Website("示例官网", List.of(TestData.domain()), "cn-hangzhou", Content.COMPANY, true))));
        assertThat(view.status()).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(view.reasons()).isEmpty();
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status).containsExactly(
                FilingStatus.SUBMITTED, FilingStatus.RETURNED, FilingStatus.SUBMITTED, FilingStatus.IDENTITY_VERIFICATION,
                FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.mailsQueued(id)).isEqualTo(5);
    }

    @Test
    void realNameNotYetRecordedWaitsTwoBusinessDaysAndChecksAgain() {
        setClock("2026-11-27T10:00:00+08:00"); // a Friday; MIIT records the real name on 2026-12-01
        String id = create(TestData.enterprise("recorded-soon.cn")).id();
        assertThat(status(id)).isEqualTo(FilingStatus.SUBMITTED);
        // Friday + 2 business days = end of Tuesday 2026-12-01
        assertThat(driver.timer(id, ProviderStageProcess.Elements.REAL_NAME_WAIT).getDuedate()).isEqualTo(date("2026-12-02T00:00:00+08:00"));

        setClock("2026-12-02T00:00:00+08:00");
        driver.fire(id, ProviderStageProcess.Elements.REAL_NAME_WAIT);
        assertThat(status(id)).isEqualTo(FilingStatus.IDENTITY_VERIFICATION);
        driver.passVerification(id);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void reviewerReturnCarriesTheReviewersReasonsAndResubmissionIsReviewedAgain() {
        FilingApplication app = TestData.enterprise();
        String id = create(app).id();
        driver.returnToApplicant(id, "网站名称与内容不符");
        Filing filing = filings.get(id);
        assertThat(filing.status()).isEqualTo(FilingStatus.RETURNED);
        assertThat(filing.reasons()).containsExactly(new Reason(ReasonCode.RETURNED_BY_REVIEWER, null, "网站名称与内容不符"));

        driver.resubmit(OWNER, id, app);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        Task review = driver.task(id, Tasks.PROVIDER_REVIEW);
        assertThat(driver.engine().getTaskService().getVariableLocal(review.getId(), "returnHistory").toString())
                .contains("RETURNED_BY_REVIEWER");
    }

    @Test
    void aReturnNeedsReasonsAndADecisionMustBeKnown() {
        String id = create(TestData.enterprise()).id();
        assertThatThrownBy(() -> driver.returnToApplicant(id, " "))
                .hasMessageContaining("a RETURN needs reviewReasons");
        assertThatThrownBy(() -> driver.complete(id, Tasks.PROVIDER_REVIEW, Map.of(ProviderStageProcess.REVIEW_DECISION.name(), "REJECT")))
                .hasMessageContaining("reviewDecision must be APPROVE or RETURN");
        assertThat(driver.task(id, Tasks.PROVIDER_REVIEW)).isNotNull();
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void reviewNotDoneInOneBusinessDayEscalatesToOpsWithoutCancellingIt() {
        setClock("2026-09-30T16:00:00+08:00"); // eve of National Day 2026 (Oct 1-7 off)
        String id = create(TestData.enterprise()).id();
        // next business day is Thursday Oct 8: due at its end
        assertThat(driver.timer(id, ProviderStageProcess.Elements.REVIEW_OVERDUE).getDuedate()).isEqualTo(date("2026-10-09T00:00:00+08:00"));
        driver.fire(id, ProviderStageProcess.Elements.REVIEW_OVERDUE);
        Task escalation = driver.task(id, Tasks.REVIEW_OVERDUE);
        assertThat(escalation).isNotNull();
        assertThat(escalation.getName()).contains(id);
        assertThat(driver.engine().getTaskService().getIdentityLinksForTask(escalation.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("icp-ops"));
        assertThat(driver.task(id, Tasks.PROVIDER_REVIEW)).isNotNull();
        ProcessInstance stage = driver.instance(id, ProviderStageProcess.KEY);
        driver.complete(id, Tasks.REVIEW_OVERDUE, Map.of("escalationNote", "chased the reviewer"));
        driver.approve(id);
        assertThat(stage).isEnded().hasPassed(ProviderStageProcess.Elements.REVIEW_ESCALATION_DONE, ProviderStageProcess.Elements.END_APPROVED);
        assertThat(driver.instance(id, RegulatorReviewProcess.KEY)).isWaitingAt(RegulatorReviewProcess.Elements.SUBMIT_TO_CA);
    }

    @Test
    void unreachableCaIsRetriedThenAnIncidentAndARetryFromCockpitSucceeds() {
        String id = create(TestData.enterprise()).id();
        driver.approve(id);
        regulator.failNext(5);
        for (int attempt = 0; attempt < 5; attempt++) {
            var job = management.createJobQuery().processInstanceId(driver.instance(id, RegulatorReviewProcess.KEY).getId()).messages().singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("unreachable");
        }
        String instanceId = driver.instance(id, RegulatorReviewProcess.KEY).getId();
        assertThat(driver.engine().getRuntimeService().createIncidentQuery().processInstanceId(instanceId)
                .activityId(RegulatorReviewProcess.Elements.SUBMIT_TO_CA).count()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);

        var failed = management.createJobQuery().processInstanceId(instanceId).noRetriesLeft().singleResult();
        management.setJobRetries(failed.getId(), 1);
        management.executeJob(failed.getId());
        assertThat(status(id)).isEqualTo(FilingStatus.SMS_VERIFICATION);
        assertThat(driver.engine().getRuntimeService().createIncidentQuery().processInstanceId(instanceId).count()).isZero();
    }

    @Test
    void smsNotVerifiedIn24HoursReturnsAndResubmissionGoesThroughReviewAgain() {
        FilingApplication app = TestData.enterprise();
        String id = create(app).id();
        driver.approve(id);
        driver.runAsyncJobs(id);
        driver.fire(id, RegulatorReviewProcess.Elements.SMS_EXPIRED);
        Filing filing = filings.get(id);
        assertThat(filing.status()).isEqualTo(FilingStatus.RETURNED);
        assertThat(filing.reasons()).extracting(Reason::code).containsExactly(ReasonCode.SMS_VERIFICATION_EXPIRED);
        // a late SMS verification no longer fits
        assertThat(driver.notice(Type.SMS_VERIFIED, id, null, null).outcome()).isEqualTo(NoticeOutcome.Result.UNMATCHED);

        driver.resubmit(OWNER, id, app);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.task(id, Tasks.PROVIDER_REVIEW)).isNotNull();
    }

    @Test
    void caRejectionRecordsTheReasonAndResubmissionGoesThroughReviewAgain() {
        FilingApplication app = TestData.enterprise();
        String id = create(app).id();
        driver.approve(id);
        driver.runAsyncJobs(id);
        driver.notice(Type.SMS_VERIFIED, id, null, null);
        driver.notice(Type.FILING_REJECTED, id, null, "网站名称不符合规范");
        Filing filing = filings.get(id);
        assertThat(filing.status()).isEqualTo(FilingStatus.CA_REJECTED);
        assertThat(filing.reasons()).containsExactly(new Reason(ReasonCode.CA_REJECTED, null, "网站名称不符合规范"));
        assertThatThrownBy(() -> service.withdraw(OWNER, id)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

        driver.resubmit(OWNER, id, app);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void caSilentFor20BusinessDaysAcrossGoldenWeekEscalatesWhileTheWaitGoesOn() {
        setClock("2026-09-25T11:00:00+08:00"); // the Friday before National Day 2026 (Oct 1-7 off, Oct 10 worked)
        FilingApplication guangdong = inProvince(TestData.enterprise(), "GD");
        String id = create(guangdong).id();
        driver.approve(id);
        driver.runAsyncJobs(id);
        driver.notice(Type.SMS_VERIFIED, id, null, null);
        // Sep 28-30 (3), Oct 8, 9 and the make-up Saturday Oct 10 (6), Oct 12-16 (11), 19-23 (16), 26-29 (20)
        assertThat(driver.timer(id, RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE).getDuedate()).isEqualTo(date("2026-10-30T00:00:00+08:00"));
        driver.fire(id, RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE);
        Task escalation = driver.task(id, RegulatorReviewProcess.Tasks.CA_REVIEW_OVERDUE);
        assertThat(escalation.getName()).endsWith(" · " + guangdong.subject().name());
        // the form states the SLA the timer counted, from the one table of SLAs
        assertThat(driver.engine().getTaskService().getVariableLocal(escalation.getId(), EscalationListener.ESCALATION_SLA.name()))
                .isEqualTo(Sla.CA_REVIEW.text()).asString().contains("20 business days", "20 个工作日");
        ProcessInstance review = driver.instance(id, RegulatorReviewProcess.KEY);
        assertThat(review).isWaitingAt(RegulatorReviewProcess.Elements.WAIT_FOR_CA);
        driver.complete(id, RegulatorReviewProcess.Tasks.CA_REVIEW_OVERDUE, Map.of("escalationNote", "called the CA"));
        driver.notice(Type.FILING_APPROVED, id, "浙ICP备2026000555号", null);
        assertThat(status(id)).isEqualTo(FilingStatus.APPROVED);
        assertThat(review).isEnded().hasPassed(RegulatorReviewProcess.Elements.CA_ESCALATION_DONE, RegulatorReviewProcess.Elements.END_APPROVED);
    }

    /** MIIT's SMS check fails after too many wrong codes (webhook SMS_FAILED): returned, naming MIIT's SMS rule; a resubmission is reviewed again. */
    @Test
    void failedSmsCheckReturnsTheApplicationNamingMiitsSmsRule() {
        FilingApplication app = TestData.enterprise();
        String id = create(app).id();
        driver.approve(id);
        driver.runAsyncJobs(id);
        assertThat(status(id)).isEqualTo(FilingStatus.SMS_VERIFICATION);
        // a first filing: MIIT texts the subject's and the website's principal
        assertThat(jdbc.sql("select payload from regulator_submission where filing_id = ?").param(id).query(String.class).single())
                .contains("\"smsPrincipals\":[\"SUBJECT_PRINCIPAL\",\"WEBSITE_PRINCIPAL\"]");
        assertThat(driver.notice(Type.SMS_FAILED, id, null, null).outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
        assertThat(status(id)).isEqualTo(FilingStatus.RETURNED);
        assertThat(filings.get(id).reasons()).extracting(Reason::code, Reason::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.SMS_VERIFICATION_FAILED, "SMS_VERIFICATION_2020"));
        assertThat(driver.passed(id, RegulatorReviewProcess.KEY, "Event_SmsVerificationFailed")).isTrue();
        // a second SMS_FAILED for the same filing finds no wait
        assertThat(driver.notice(Type.SMS_FAILED, id, null, null).outcome()).isEqualTo(NoticeOutcome.Result.UNMATCHED);
        driver.resubmit(OWNER, id, app);
        assertThat(status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        driver.driveToCaReview(id);
    }

    /** Zhejiang's CA has 30 business days (rules/ca-review-limit.json), the others 20: the same day, two due dates. */
    @Test
    void zhejiangsCaHasThirtyBusinessDays() {
        setClock("2026-09-25T11:00:00+08:00");
        String id = create(TestData.enterprise()).id();
        assertThat(filings.get(id).application().subject().province()).isEqualTo("ZJ");
        driver.driveToCaReview(id);
        // ... Oct 26-29 (20), Oct 30 (21), Nov 2-6 (26), Nov 9-12 (30)
        assertThat(driver.timer(id, RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE).getDuedate()).isEqualTo(date("2026-11-13T00:00:00+08:00"));
        driver.fire(id, RegulatorReviewProcess.Elements.CA_REVIEW_OVERDUE);
        Task escalation = driver.task(id, RegulatorReviewProcess.Tasks.CA_REVIEW_OVERDUE);
        assertThat(driver.engine().getTaskService().getVariableLocal(escalation.getId(), EscalationListener.ESCALATION_SLA.name()))
                .asString().contains("30 business days", "30 个工作日");
    }

    @Test
    void withdrawalBeforeTheCaHasItEndsWithdrawnAndAfterwardsIsRefused() {
        String id = create(TestData.enterprise()).id();
        ProcessInstance instance = driver.instance(id, NewFilingProcess.KEY);
        assertThat(service.withdraw(OWNER, id).status()).isEqualTo(FilingStatus.WITHDRAWN);
        assertThat(instance).isEnded().hasPassed(Elements.END_WITH_PROVIDER);
        assertThat(driver.passed(id, ProviderStageProcess.KEY, ProviderStageProcess.Elements.END_WITHDRAWN)).isTrue();
        assertThatThrownBy(() -> service.withdraw(OWNER, id)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

        String atCa = create(TestData.enterprise()).id();
        driver.approve(atCa);
        driver.runAsyncJobs(atCa);
        assertThatThrownBy(() -> service.withdraw(OWNER, atCa)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("NOT_WITHDRAWABLE"));
        assertThat(status(atCa)).isEqualTo(FilingStatus.SMS_VERIFICATION);
    }

    @Test
    void returnedApplicationUntouchedFor45DaysIsRemindedTwiceThenClosed() {
        String id = create(TestData.enterprise("no-real-name.cn")).id();
        assertThat(status(id)).isEqualTo(FilingStatus.RETURNED);
        driver.fire(id, ProviderStageProcess.Elements.INACTIVE_DAY_30);
        driver.fire(id, ProviderStageProcess.Elements.INACTIVE_DAY_40);
        assertThat(status(id)).isEqualTo(FilingStatus.RETURNED);
        driver.fire(id, ProviderStageProcess.Elements.INACTIVE_DAY_45);
        assertThat(status(id)).isEqualTo(FilingStatus.CLOSED);
        assertThat(driver.endActivity(id, NewFilingProcess.KEY)).isEqualTo(Elements.END_WITH_PROVIDER);
        assertThat(driver.passed(id, ProviderStageProcess.KEY, ProviderStageProcess.Elements.END_CLOSED)).isTrue();
        // SUBMITTED, RETURNED, two reminders, CLOSED
        assertThat(driver.mailsQueued(id)).isEqualTo(5);
        assertThat(resubmitRefused(id)).isTrue();
    }

    @Test
    void secondApplicationOfTheSameSubjectIsRefusedWhileOneIsInProgress() {
        FilingApplication app = TestData.enterprise();
        create(app);
        FilingApplication again = TestData.withWebsites(app, List.of(
                new Website("二号站", List.of(TestData.domain()), "cn-hangzhou", Content.COMPANY, true)));
        assertThatThrownBy(() -> create(again)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.code()).isEqualTo("APPLICATION_IN_PROGRESS");
        });
        assertThat(jdbc.sql("select count(*) from filing where subject_id_number = ?").param(app.subject().idNumber())
                .query(Long.class).single()).isEqualTo(1);
    }

    private boolean resubmitRefused(String id) {
        try {
            driver.resubmit(OWNER, id, filings.get(id).application());
            return false;
        } catch (ApiException e) {
            return e.status() == HttpStatus.CONFLICT;
        }
    }

    private FilingView create(FilingApplication app) {
        return service.get(OWNER, driver.create(OWNER, app));
    }

    private FilingStatus status(String id) {
        return filings.get(id).status();
    }

    private static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static FilingApplication inProvince(FilingApplication app, String province) {
        FilingApplication.Subject s = app.subject();
        return TestData.withSubject(app, new FilingApplication.Subject(s.kind(), s.name(), s.idNumber(), province, s.contact()));
    }

    private static void setClock(String isoOffsetDateTime) {
        ClockUtil.setCurrentTime(date(isoOffsetDateTime));
    }

    private static Date date(String isoOffsetDateTime) {
        return Date.from(ZonedDateTime.parse(isoOffsetDateTime).toInstant());
    }

}
