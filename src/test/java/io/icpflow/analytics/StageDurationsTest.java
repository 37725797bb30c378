package io.icpflow.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.icpflow.analytics.StageDurations.Event;
import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Slas;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.Provinces;
import io.icpflow.rules.RuleBook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage durations in business days of the timers' calendar, across a weekend and a public holiday. */
class StageDurationsTest {

    private final BusinessCalendar calendar = new BusinessCalendar(new ObjectMapper().registerModule(new JavaTimeModule()));
    private final Slas slas = new Slas(calendar, new RuleBook(new ObjectMapper().findAndRegisterModules(),
            new Provinces(new ObjectMapper()), new DomainNames()), null);

    @Test
    void caReviewOverNationalDayCountsOnlyBusinessDaysAndIsABreach() {
        // CA review from Mon 2026-09-21 09:00 to Fri 2026-10-30 09:00 (+08:00): National Day week off, Sun 09-20 and Sat 10-10 worked
        List<Event> events = List.of(
                event("f1", "NEW_FILING", "2026-09-21T09:00", "CA_REVIEW"),
                event("f1", "NEW_FILING", "2026-10-30T09:00", "APPROVED"),
                event("f1", "NEW_FILING", "2026-11-02T09:00", "ACTIVE"));
        List<StageDurations.Sample> samples = StageDurations.of(events, calendar, slas::amount);
        StageDurations.Sample ca = samples.stream().filter(s -> s.stage() == Stage.CA_REVIEW).findFirst().orElseThrow();
        double expected = calendar.businessDaysBetween(events.get(0).at().toInstant(), events.get(1).at().toInstant());
        assertThat(ca.businessDays()).isEqualTo(expected).isGreaterThan(20).isLessThan(29);
        // the sync wait spans a weekend: Friday 09:00 to Monday 09:00 is one business day
        StageDurations.Sample sync = samples.stream().filter(s -> s.stage() == Stage.SYNC_WAIT).findFirst().orElseThrow();
        assertThat(sync.businessDays()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        List<AnalyticsService.WeekBreaches> breaches = AnalyticsService.breachesOverTime(tallied(samples));
        assertThat(breaches).containsExactly(new AnalyticsService.WeekBreaches(LocalDate.of(2026, 10, 26), "CA_REVIEW", 1));
    }

    @Test
    void transfersAndCancellationsAreMeasuredWholeAndARunningStageIsNoSample() {
        List<Event> events = List.of(
                event("t1", "TRANSFER", "2026-11-02T10:00", "SUBMITTED"),
                event("t1", "TRANSFER", "2026-11-02T10:00", "PROVIDER_REVIEW"),
                event("t1", "TRANSFER", "2026-11-03T10:00", "CA_REVIEW"),
                event("t1", "TRANSFER", "2026-11-09T10:00", "APPROVED"),
                event("t1", "TRANSFER", "2026-11-10T10:00", "ACTIVE"),
                event("c1", "CANCEL_ACCESS", "2026-11-02T10:00", "SUBMITTED"),
                event("c1", "CANCEL_ACCESS", "2026-11-02T10:00", "PROVIDER_REVIEW"),
                event("c1", "CANCEL_ACCESS", "2026-11-04T10:00", "CA_REVIEW"));
        List<StageDurations.Sample> samples = StageDurations.of(events, calendar, slas::amount);
        assertThat(samples).filteredOn(s -> s.stage() == Stage.TRANSFER).singleElement()
                .satisfies(s -> assertThat(s.businessDays()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(samples).filteredOn(s -> s.stage() == Stage.CANCELLATION).isEmpty();
        assertThat(samples).filteredOn(s -> s.stage() == Stage.CA_REVIEW).hasSize(1);
        assertThat(samples).filteredOn(s -> s.stage() == Stage.PROVIDER_REVIEW)
                .extracting(s -> Math.round(s.businessDays() * 1e6) / 1e6).containsExactlyInAnyOrder(1.0, 2.0);
    }

    @Test
    void aChangeIsMeasuredWholeFromSubmissionToActive() {
        List<Event> events = List.of(
                event("w1", "CHANGE_WEBSITE", "2026-11-06T10:00", "SUBMITTED"),
                event("w1", "CHANGE_WEBSITE", "2026-11-06T10:00", "PROVIDER_REVIEW"),
                event("w1", "CHANGE_WEBSITE", "2026-11-09T10:00", "CA_REVIEW"),
                event("w1", "CHANGE_WEBSITE", "2026-11-12T10:00", "APPROVED"),
                event("w1", "CHANGE_WEBSITE", "2026-11-13T10:00", "ACTIVE"));
        // Friday to the next Friday: five business days, the weekend off
        assertThat(StageDurations.of(events, calendar, slas::amount)).filteredOn(s -> s.stage() == Stage.CHANGE).singleElement()
                .satisfies(s -> assertThat(s.businessDays()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9)));
    }

    /** Zhejiang's CA has 30 business days (rules/ca-review-limit.json): 25 are a breach in Guangdong, not in Zhejiang. */
    @Test
    void aCaReviewIsMeasuredAgainstItsProvincesLimit() {
        List<Event> events = List.of(
                new Event("z1", FilingType.NEW_FILING, "ZJ", OffsetDateTime.parse("2026-11-02T10:00:00+08:00"), FilingStatus.CA_REVIEW, null),
                new Event("z1", FilingType.NEW_FILING, "ZJ", OffsetDateTime.parse("2026-12-07T10:00:00+08:00"), FilingStatus.APPROVED, null),
                new Event("g1", FilingType.NEW_FILING, "GD", OffsetDateTime.parse("2026-11-02T10:00:00+08:00"), FilingStatus.CA_REVIEW, null),
                new Event("g1", FilingType.NEW_FILING, "GD", OffsetDateTime.parse("2026-12-07T10:00:00+08:00"), FilingStatus.APPROVED, null));
        assertThat(StageDurations.of(events, calendar, slas::amount)).filteredOn(s -> s.stage() == Stage.CA_REVIEW)
                .extracting(StageDurations.Sample::province, StageDurations.Sample::breached, s -> Math.round(s.businessDays()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ZJ", false, 25L), org.assertj.core.groups.Tuple.tuple("GD", true, 25L));
    }

    /** The SMS check waits 24 hours (the timer's Sla), not a business day: over a weekend 25 hours are a breach. */
    @Test
    void smsVerificationIsMeasuredAgainstTheTimersTwentyFourHours() {
        List<Event> events = List.of(
                event("s1", "NEW_FILING", "2026-11-06T10:00", "SMS_VERIFICATION"),
                event("s1", "NEW_FILING", "2026-11-07T11:00", "CA_REVIEW"),
                event("s2", "NEW_FILING", "2026-11-09T10:00", "SMS_VERIFICATION"),
                event("s2", "NEW_FILING", "2026-11-10T09:00", "CA_REVIEW"));
        List<StageDurations.Sample> samples = StageDurations.of(events, calendar, slas::amount);
        // Friday 10:00 to Saturday 11:00 is less than one business day, but 25 hours
        assertThat(samples).filteredOn(s -> s.stage() == Stage.SMS_VERIFICATION)
                .extracting(StageDurations.Sample::businessDays, StageDurations.Sample::breached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(calendar.businessDaysBetween(events.get(0).at().toInstant(),
                        events.get(1).at().toInstant()), true), org.assertj.core.groups.Tuple.tuple(23.0 / 24, false));
        assertThat(samples.get(0).businessDays()).isLessThan(1);
        assertThat(AnalyticsService.stages(tallied(samples))).filteredOn(f -> f.stage().equals("SMS_VERIFICATION")).singleElement()
                .satisfies(f -> assertThat(f.slaBreaches()).isEqualTo(1));
    }

    @Test
    void distributionBucketsCoverEverySample() {
        List<AnalyticsService.Bucket> buckets = Histogram.of(List.of(0.2, 0.5, 0.7, 3.0, 3.0, 19.0, 45.0)).distribution();
        assertThat(buckets).extracting(AnalyticsService.Bucket::label)
                .containsExactly("≤0.5", "0.5–1", "1–2", "2–5", "5–10", "10–20", "20–30", ">30");
        assertThat(buckets).extracting(AnalyticsService.Bucket::count).containsExactly(2, 1, 0, 2, 0, 1, 0, 1);
    }

    /** The samples as the read model keeps them, summed over their days. */
    private static Map<Tallies.Cell, Tallies.Tally> tallied(List<StageDurations.Sample> samples) {
        Tallies tallies = new Tallies();
        samples.forEach(sample -> FilingTallies.sample(LocalDate.of(2026, 11, 2), sample, tallies));
        return tallies.overDays();
    }

    private static Event event(String filing, String type, String at, String status) {
        return new Event(filing, FilingType.valueOf(type), "GD", OffsetDateTime.parse(at + ":00+08:00"), FilingStatus.valueOf(status), null);
    }
}
