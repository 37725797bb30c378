package io.icpflow.analytics;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.IdentityVerification;
import io.icpflow.regulator.NoticeOutcome;
import io.icpflow.regulator.RegulatorNotice;
import io.icpflow.verification.SessionsMoved;
import io.icpflow.verification.VerificationSession;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics read model kept in each change's transaction is what a rebuild from the timelines
 * finds, and its figures are the journeys'. The filings are created on a day no other engine test
 * creates any on, so the day's figures are these journeys' alone.
 */
@EngineTest
class ReadModelProcessTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 14);

    @Autowired ProcessDriver driver;
    @Autowired FilingService service;
    @Autowired IdentityVerification verification;
    @Autowired AnalyticsService analytics;
    @Autowired ReadModelRebuild rebuild;
    @Autowired BusinessCalendar calendar;
    @Autowired JdbcClient jdbc;

    @Test
    void theTalliesKeptWithEachChangeAreWhatARebuildFromTheTimelinesFinds() {
        // active: reviewed the next day, three business days at the CA (over no weekend), synced on Monday
        at("2026-12-14T09:00");
        FilingApplication app = TestData.enterprise();
        String active = driver.create("alice", app);
        at("2026-12-15T09:00");
        driver.driveToCaReview(active);
        at("2026-12-18T09:00");
        assertThat(driver.notice(RegulatorNotice.Type.FILING_APPROVED, active, TestData.newSubjectNumber(), null).outcome())
                .isEqualTo(NoticeOutcome.Result.APPLIED);
        at("2026-12-21T09:00");
        assertThat(driver.notice(RegulatorNotice.Type.FILING_SYNCED, active, null, null).outcome()).isEqualTo(NoticeOutcome.Result.APPLIED);
        assertThat(driver.status(active)).isEqualTo(FilingStatus.ACTIVE);

        // returned by the reviewer, corrected and resubmitted
        at("2026-12-14T10:00");
        FilingApplication second = TestData.enterprise();
        String returned = driver.create("alice", second);
        driver.returnToApplicant(returned, "补充材料");
        driver.resubmit("alice", returned, second);

        // the principal fails three times: returned VERIFICATION_FAILED
        at("2026-12-14T11:00");
        String failed = driver.createAwaitingVerification("alice", TestData.enterprise());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) {
                verification.renew("alice", failed);
            }
            VerificationSession subject = driver.verificationSessions(failed).get(0);
            driver.verification(subject.id(), false, "活体检测未通过");
        }
        assertThat(driver.status(failed)).isEqualTo(FilingStatus.RETURNED);

        // withdrawn while its sessions are open
        String withdrawn = driver.createAwaitingVerification("alice", TestData.enterprise());
        service.withdraw("alice", withdrawn);

        AnalyticsService.Summary kept = analytics.summary(DAY, DAY);
        assertThat(kept.filings()).isEqualTo(4);
        assertThat(kept.byStatus()).containsOnlyKeys("ACTIVE", "PROVIDER_REVIEW", "RETURNED", "WITHDRAWN");
        assertThat(kept.funnel()).filteredOn(step -> step.step().equals("IDENTITY_VERIFICATION")).singleElement()
                .satisfies(step -> assertThat(step.count()).isEqualTo(4));
        assertThat(kept.numbered().websites()).isEqualTo(1);
        AnalyticsService.StageFigures ca = stage(kept, "CA_REVIEW");
        assertThat(ca.count()).isEqualTo(1);
        assertThat(ca.medianBusinessDays()).isEqualTo(3.0);
        assertThat(ca.byProvince()).singleElement().satisfies(p -> assertThat(p.province()).isEqualTo("ZJ"));
        // the sync wait ran from Friday to Monday: one business day
        assertThat(stage(kept, "SYNC_WAIT").medianBusinessDays()).isEqualTo(1.0);
        assertThat(kept.rejectionReasons()).extracting(AnalyticsService.ReasonShare::code)
                .containsExactlyInAnyOrder("RETURNED_BY_REVIEWER", "VERIFICATION_FAILED");
        assertThat(kept.verification().returned()).isEqualTo(1);
        assertThat(kept.verification().passed()).isEqualTo(3);
        assertThat(kept.verification().sessionsFailed()).isEqualTo(3);
        // closed without a result: the failing one's website principal in each of its three rounds, the withdrawn one's two
        assertThat(kept.verification().sessionsUnanswered()).isEqualTo(5);
        // two principals: one round for the active one, two for the resubmitted, three for the failing, one for the withdrawn
        assertThat(kept.verification().sessions()).isEqualTo(2 + 4 + 6 + 2);

        rebuild.rebuild();
        assertThat(analytics.summary(DAY, DAY)).isEqualTo(kept);
    }

    /** A rebuild replaces what the rows held: rows written around the product are corrected from the timelines. */
    @Test
    void aRebuildCorrectsRowsThatDisagreeWithTheTimelines() {
        LocalDate day = LocalDate.of(2026, 12, 15);
        jdbc.sql("insert into analytics_tally (created_on, measure, key1, key2, bucket, tally, amount) values (?, 'STATUS', 'NEW_FILING', 'ACTIVE', 0, 7, 0)")
                .param(day).update();
        assertThat(analytics.summary(day, day).byStatus()).containsEntry("ACTIVE", 7L);
        rebuild.rebuild();
        assertThat(analytics.summary(day, day).byStatus()).doesNotContainKey("ACTIVE");
    }

    /**
     * Every key the tallies are written under fits its column: a longer reason code or status added
     * later would otherwise fail, at the tally's insert, every status change that carries it.
     */
    @Test
    void everyKeyTheTalliesUseFitsItsColumn() {
        List<String> keys = Stream.of(ReasonCode.values(), FilingStatus.values(), FilingType.values(), Stage.values(),
                        SessionsMoved.Outcome.values(), FilingTallies.Numbered.values())
                .flatMap(Arrays::stream).map(Enum::name).toList();
        int longestKey = keys.stream().mapToInt(String::length).max().orElseThrow();
        int longestMeasure = Arrays.stream(Measure.values()).map(Enum::name).mapToInt(String::length).max().orElseThrow();
        assertThat(longestKey).isLessThanOrEqualTo(width("key1")).isLessThanOrEqualTo(width("key2"));
        assertThat(longestMeasure).isLessThanOrEqualTo(width("measure"));
    }

    private int width(String column) {
        return jdbc.sql("select character_maximum_length from information_schema.columns "
                        + "where lower(table_name) = 'analytics_tally' and lower(column_name) = ?")
                .param(column).query(Integer.class).single();
    }

    private static AnalyticsService.StageFigures stage(AnalyticsService.Summary summary, String stage) {
        return summary.stages().stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow();
    }

    private static void at(String chinaTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(chinaTime + ":00+08:00").toInstant()));
    }
}
