package io.icpflow.providerstage;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.ReasonCode;
import io.icpflow.verification.VerificationInbox;
import io.icpflow.verification.VerificationOutcome.Result;
import io.icpflow.verification.VerificationResult;
import io.icpflow.verification.VerificationSession;
import io.icpflow.verification.VerificationSession.Status;
import io.icpflow.web.ApiException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The principals' electronic identity verification in the provider stage (API.md "Identity verification",
 * rules/identity-verification.json): sessions of 10 minutes, renewals, the third failure, the 45-day close.
 */
@EngineTest
class IdentityVerificationProcessTest {

    private static final String OWNER = "alice";

    @Autowired ProcessDriver driver;
    @Autowired FilingRepository filings;
    @Autowired FilingService service;
    @Autowired IdentityVerification verification;
    @Autowired JdbcClient jdbc;
    @Autowired VerificationInbox inbox;
    @Autowired TaskService tasks;

    @Test
    void aNewFilingWaitsUntilEachPrincipalHasPassedThenGoesToReview() {
        setClock("2026-12-01T10:00:00+08:00");
        String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
        assertThat(driver.status(id)).isEqualTo(FilingStatus.IDENTITY_VERIFICATION);
        assertThat(stage(id)).isWaitingAt(ProviderStageProcess.Elements.WAIT_FOR_VERIFICATION);
        List<VerificationSession> sessions = driver.verificationSessions(id);
        assertThat(sessions).extracting(VerificationSession::who, VerificationSession::status)
                .containsExactly(tuple("SUBJECT_PRINCIPAL", Status.PENDING), tuple("WEBSITE_PRINCIPAL", Status.PENDING));
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.expiresAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T10:10:00+08:00"));
            assertThat(s.url()).isEqualTo("https://verification.example.invalid/sessions/" + s.id());
        });
        assertThat(service.get(OWNER, id).verification().sessions()).extracting(v -> v.who(), v -> v.status())
                .containsExactly(tuple("SUBJECT_PRINCIPAL", "PENDING"), tuple("WEBSITE_PRINCIPAL", "PENDING"));

        assertThat(driver.verification(sessions.get(0).id(), true, null).outcome()).isEqualTo(Result.APPLIED);
        assertThat(driver.status(id)).isEqualTo(FilingStatus.IDENTITY_VERIFICATION);
        assertThat(driver.verification(sessions.get(1).id(), true, null).outcome()).isEqualTo(Result.APPLIED);

        assertThat(driver.status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.task(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW)).isNotNull();
        // the reviewer's form says who passed when
        assertThat((String) tasks.getVariableLocal(driver.task(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW).getId(),
                ProviderStageProcess.VERIFICATION_SUMMARY.name()))
                .contains("SUBJECT_PRINCIPAL · PASSED at 2026-12-01T10:00", "WEBSITE_PRINCIPAL · PASSED at 2026-12-01T10:00", "round 1 · failures 0");
        assertThat(driver.verificationSessions(id)).extracting(VerificationSession::status, VerificationSession::closed)
                .containsOnly(tuple(Status.PASSED, true));
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status)
                .containsExactly(FilingStatus.SUBMITTED, FilingStatus.IDENTITY_VERIFICATION, FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.mailSubjects(id)).hasSize(3).anySatisfy(s -> assertThat(s).contains("IDENTITY_VERIFICATION"));
        // the mail's next step names the link's life from the rule (sessionMinutes), not a fixed text
        assertThat(jdbc.sql("select body_text from mail_outbox where filing_id = ? and subject like '%IDENTITY_VERIFICATION%'")
                .param(id).query(String.class).single()).contains("链接10分钟内有效");
    }

    @Test
    void theThirdFailureReturnsTheApplicationAndAResubmissionVerifiesAgain() {
        String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
        VerificationSession subject = driver.verificationSessions(id).get(0);
        VerificationSession website = driver.verificationSessions(id).get(1);
        assertThat(driver.verification(subject.id(), false, "人脸与证件照不符").outcome()).isEqualTo(Result.APPLIED);
        assertThat(driver.verification(website.id(), true, null).outcome()).isEqualTo(Result.APPLIED);
        // a decided session takes no second result
        assertThat(driver.verification(subject.id(), true, null).outcome()).isEqualTo(Result.SESSION_CLOSED);
        assertThat(driver.status(id)).isEqualTo(FilingStatus.IDENTITY_VERIFICATION);

        // a renewal opens a session for the one who has not passed; the one who passed stays passed
        assertThat(verification.renew(OWNER, id).verification().sessions()).extracting(v -> v.who(), v -> v.status())
                .containsExactly(tuple("SUBJECT_PRINCIPAL", "PENDING"), tuple("WEBSITE_PRINCIPAL", "PASSED"));
        VerificationSession second = driver.verificationSessions(id).get(0);
        assertThat(second.id()).isNotEqualTo(subject.id());
        // renewed again before any result: the session it replaced is closed, its late result kept but not applied
        verification.renew(OWNER, id);
        VerificationSession third = driver.verificationSessions(id).get(0);
        assertThat(driver.verification(second.id(), false, "superseded").outcome()).isEqualTo(Result.SESSION_CLOSED);
        assertThat(driver.verification(third.id(), false, "活体检测未通过").outcome()).isEqualTo(Result.APPLIED);
        assertThat(driver.status(id)).isEqualTo(FilingStatus.IDENTITY_VERIFICATION);
        verification.renew(OWNER, id);
        assertThat(driver.verification(driver.verificationSessions(id).get(0).id(), false, "证件照不清晰").outcome())
                .isEqualTo(Result.APPLIED);

        assertThat(driver.status(id)).isEqualTo(FilingStatus.RETURNED);
        assertThat(stage(id)).isWaitingAt(ProviderStageProcess.Elements.WAIT_FOR_CORRECTION);
        assertThat(filings.get(id).reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.VERIFICATION_FAILED);
            assertThat(reason.rule()).isEqualTo("IDENTITY_VERIFICATION_2019");
            assertThat(reason.detail()).isEqualTo("3 failures; SUBJECT_PRINCIPAL: 人脸与证件照不符; SUBJECT_PRINCIPAL: 活体检测未通过; "
                    + "SUBJECT_PRINCIPAL: 证件照不清晰");
        });
        assertThat(service.get(OWNER, id).reasons()).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("真实性核验失败次数过多"));
        assertThatThrownBy(() -> verification.renew(OWNER, id)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("NOT_AWAITING_VERIFICATION"));

        // corrected and resubmitted: a new round, both principals again
        driver.resubmit(OWNER, id, filings.get(id).application());
        assertThat(driver.status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.verificationSessions(id)).hasSize(2).allSatisfy(s -> {
            assertThat(s.round()).isEqualTo(2);
            assertThat(s.status()).isEqualTo(Status.PASSED);
        });
    }

    @Test
    void anExpiredSessionTakesNoResultAndTheApplicantOpensNewOnes() {
        setClock("2026-12-01T10:00:00+08:00");
        String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
        List<VerificationSession> expired = driver.verificationSessions(id);
        setClock("2026-12-01T10:10:00+08:00");
        assertThat(driver.verification(expired.get(0).id(), true, null).outcome()).isEqualTo(Result.SESSION_CLOSED);
        assertThat(jdbc.sql("select detail from verification_result where session_id = ?").param(expired.get(0).id())
                .query(String.class).single()).contains("expired at 2026-12-01T10:10+08:00");

        setClock("2026-12-01T10:30:00+08:00");
        verification.renew(OWNER, id);
        List<VerificationSession> renewed = driver.verificationSessions(id);
        assertThat(renewed).extracting(VerificationSession::expiresAt)
                .containsOnly(OffsetDateTime.parse("2026-12-01T10:40:00+08:00"));
        driver.passVerification(id);
        assertThat(driver.status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
    }

    @Test
    void fortyFiveDaysWithoutVerificationCloseTheApplication() {
        setClock("2026-12-01T10:00:00+08:00");
        String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
        assertThat(driver.timer(id, ProviderStageProcess.Elements.VERIFICATION_INACTIVE_DAY_45).getDuedate())
                .isEqualTo(date("2027-01-15T10:00:00+08:00"));
        String session = driver.verificationSessions(id).get(0).id();
        // reminded on day 30 and day 40 to open new links, still waiting
        assertThat(driver.timer(id, ProviderStageProcess.Elements.VERIFICATION_INACTIVE_DAY_30).getDuedate())
                .isEqualTo(date("2026-12-31T10:00:00+08:00"));
        long mails = driver.mailsQueued(id);
        driver.fire(id, ProviderStageProcess.Elements.VERIFICATION_INACTIVE_DAY_30);
        driver.fire(id, ProviderStageProcess.Elements.VERIFICATION_INACTIVE_DAY_40);
        assertThat(driver.mailsQueued(id)).isEqualTo(mails + 2);
        assertThat(jdbc.sql("select body_text from mail_outbox where filing_id = ?").param(id).query(String.class).list())
                .filteredOn(body -> body.contains("在控制台获取新的核验链接")).hasSize(2)
                .anySatisfy(body -> assertThat(body).contains("30天")).anySatisfy(body -> assertThat(body).contains("40天"));
        assertThat(stage(id)).isWaitingAt(ProviderStageProcess.Elements.WAIT_FOR_VERIFICATION);
        assertThat(driver.status(id)).isEqualTo(FilingStatus.IDENTITY_VERIFICATION);

        driver.fire(id, ProviderStageProcess.Elements.VERIFICATION_INACTIVE_DAY_45);
        assertThat(driver.status(id)).isEqualTo(FilingStatus.CLOSED);
        assertThat(driver.passed(id, ProviderStageProcess.KEY, ProviderStageProcess.Elements.END_CLOSED)).isTrue();
        assertThat(driver.verificationSessions(id)).allSatisfy(s -> assertThat(s.closed()).isTrue());
        assertThat(driver.verification(session, true, null).outcome()).isEqualTo(Result.SESSION_CLOSED);
        // the service numbers it named are free again
        assertThat(jdbc.sql("select count(*) from service_number where filing_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aWithdrawalDuringVerificationClosesItsSessions() {
        String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
        String session = driver.verificationSessions(id).get(0).id();
        service.withdraw(OWNER, id);
        assertThat(driver.status(id)).isEqualTo(FilingStatus.WITHDRAWN);
        assertThat(driver.verification(session, true, null).outcome()).isEqualTo(Result.SESSION_CLOSED);
    }

    @Test
    void theSameResultTwiceIsAppliedOnceAndOneForAnUnknownSessionIsKept() {
        String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
        String session = driver.verificationSessions(id).get(0).id();
        VerificationResult result = new VerificationResult("r-dup-" + id, session, false, "blurred");
        assertThat(inbox.receive(result).outcome()).isEqualTo(Result.APPLIED);
        assertThat(inbox.receive(result).outcome()).isEqualTo(Result.DUPLICATE);
        assertThat(jdbc.sql("select count(*) from verification_session where filing_id = ? and status = 'FAILED'").param(id)
                .query(Long.class).single()).isEqualTo(1);

        VerificationResult unknown = new VerificationResult("r-unknown-" + id, "no-such-session", true, null);
        assertThat(inbox.receive(unknown).outcome()).isEqualTo(Result.UNKNOWN_SESSION);
        assertThat(jdbc.sql("select outcome from verification_result where result_id = ?").param(unknown.resultId())
                .query(String.class).single()).isEqualTo("UNKNOWN_SESSION");
        assertThat(inbox.receive(unknown).outcome()).isEqualTo(Result.DUPLICATE);
    }

    /** The last two principals passing at the same moment: each result sees the other, and the review opens once. */
    @Test
    void twoPrincipalsPassingAtOnceMoveTheApplicationOnce() throws Exception {
        String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
        List<VerificationSession> sessions = driver.verificationSessions(id);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Result>> results = sessions.stream().map(s -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return driver.verification(s.id(), true, null).outcome();
        })).toList();
        start.countDown();
        for (CompletableFuture<Result> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(Result.APPLIED);
        }
        assertThat(driver.status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.task(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW)).isNotNull();
    }

    /** A renewal racing the wait's end (here a withdrawal) leaves no session open on a filing that no longer waits. */
    @Test
    void aRenewalBesideAWithdrawalLeavesNoOpenSession() throws Exception {
        for (int i = 0; i < 5; i++) {
            String id = driver.createAwaitingVerification(OWNER, TestData.enterprise());
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Void> renewal = CompletableFuture.runAsync(() -> {
                await(start);
                try {
                    verification.renew(OWNER, id);
                } catch (ApiException afterTheWait) {
                    assertThat(afterTheWait.code()).isEqualTo("NOT_AWAITING_VERIFICATION");
                }
            });
            CompletableFuture<Void> withdrawal = CompletableFuture.runAsync(() -> {
                await(start);
                service.withdraw(OWNER, id);
            });
            start.countDown();
            renewal.get(30, TimeUnit.SECONDS);
            withdrawal.get(30, TimeUnit.SECONDS);
            assertThat(driver.status(id)).isEqualTo(FilingStatus.WITHDRAWN);
            assertThat(jdbc.sql("select count(*) from verification_session where filing_id = ? and closed = false").param(id)
                    .query(Long.class).single()).as("open sessions of a withdrawn filing").isZero();
        }
    }

    @Test
    void aCancellationIsNotVerified() {
        FilingApplication app = TestData.enterprise();
        String active = driver.create(OWNER, app);
        String subjectNumber = TestData.newSubjectNumber();
        driver.driveToActive(active, subjectNumber);

        String id = driver.createAwaitingVerification(OWNER,
                TestData.cancellation(FilingType.CANCEL_WEBSITE, app.subject(), TestData.websiteNumber(subjectNumber, 1)));
        assertThat(driver.status(id)).isEqualTo(FilingStatus.PROVIDER_REVIEW);
        assertThat(driver.verificationSessions(id)).isEmpty();
        assertThat(driver.passed(id, ProviderStageProcess.KEY, ProviderStageProcess.Elements.WAIT_FOR_VERIFICATION)).isFalse();
        assertThat(filings.timeline(id)).extracting(FilingRepository.TimelineEntry::status)
                .containsExactly(FilingStatus.SUBMITTED, FilingStatus.PROVIDER_REVIEW);
        assertThat((String) tasks.getVariableLocal(driver.task(id, ProviderStageProcess.Tasks.PROVIDER_REVIEW).getId(),
                ProviderStageProcess.VERIFICATION_SUMMARY.name())).isEqualTo("not verified: a CANCEL_WEBSITE needs no identity verification");
    }

    private ProcessInstance stage(String id) {
        return driver.instance(id, ProviderStageProcess.KEY);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setClock(String at) {
        ClockUtil.setCurrentTime(date(at));
    }

    private static Date date(String at) {
        return Date.from(OffsetDateTime.parse(at).toInstant());
    }

}
