package io.icpflow.analytics;

import io.icpflow.access.AccessCheckProcess;
import io.icpflow.analytics.Tallies.Cell;
import io.icpflow.analytics.Tallies.Tally;
import io.icpflow.expiry.ExpiryMonitorProcess;
import io.icpflow.filing.FilingStatus;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.regulatorreview.RegulatorReviewProcess;
import io.icpflow.syncwait.SyncWaitProcess;
import io.icpflow.verification.SessionsMoved;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process analysts' figures over the filings created in a date range (China dates): counts by
 * status and by type (new filings, changes, transfers, cancellations), the websites and apps numbered, the funnel, stage durations in business days of the same calendar as the timers (median,
 * p90, distribution, SLA breaches and when they happened; CA review also per province), rejection
 * reasons and open escalations. They are read from the read model ({@link TallyStore}): one query over
 * the range's rows, whose number depends on the days and the bins, not on the filings.
 */
@Service
public class AnalyticsService {

    private static final List<FilingStatus> FUNNEL = List.of(FilingStatus.SUBMITTED, FilingStatus.IDENTITY_VERIFICATION, FilingStatus.PROVIDER_REVIEW,
            FilingStatus.SMS_VERIFICATION, FilingStatus.CA_REVIEW, FilingStatus.APPROVED, FilingStatus.ACTIVE);
    /** The task keys of every escalation the processes open (CA overdue, sync overdue, …): analytics and the metrics count them. */
    static final List<String> ESCALATIONS = List.of(ProviderStageProcess.Tasks.REVIEW_OVERDUE,
            RegulatorReviewProcess.Tasks.CA_REVIEW_OVERDUE, SyncWaitProcess.Tasks.SYNC_OVERDUE,
            AccessCheckProcess.Tasks.STILL_NOT_SYNCED, ExpiryMonitorProcess.Tasks.FOLLOW_UP);

    public record FunnelStep(String step, long count, double conversion) {
    }

    public record StageFigures(String stage, int count, Double medianBusinessDays, Double p90BusinessDays, int slaBreaches,
                               int slaBusinessDays, List<ProvinceFigures> byProvince, List<Bucket> distribution) {
    }

    /** How many stages took at most {@code upToBusinessDays} (and more than the bucket before); null: the rest. */
    public record Bucket(String label, Double upToBusinessDays, int count) {
    }

    /** SLA breaches of one stage that ended in the week starting {@code week} (a Monday, China date). */
    public record WeekBreaches(LocalDate week, String stage, int count) {
    }

    public record ProvinceFigures(String province, int count, Double medianBusinessDays, Double p90BusinessDays) {
    }

    public record ReasonShare(String code, long count, double share) {
    }

    /** The websites and apps that applications of the range got numbers for (…号-N, …号-NA). */
    public record Numbered(long websites, long apps) {
    }

    /**
     * The principals' identity verification in the range's applications. A wait runs from entering
     * IDENTITY_VERIFICATION to the next status, in minutes (it takes minutes, not days): {@code passed}
     * went on to the provider's review, {@code returned} came back VERIFICATION_FAILED. Sessions by
     * outcome; {@code sessionsUnanswered}: closed without a result (expired, renewed, or the wait ended).
     */
    public record VerificationFigures(int waits, Double medianMinutes, Double p90Minutes, long passed, long returned,
                                      long sessions, long sessionsPassed, long sessionsFailed, long sessionsUnanswered) {
    }

    public record Summary(LocalDate from, LocalDate to, long filings, Map<String, Long> byStatus, Map<String, Long> byType,
                          Numbered numbered, List<FunnelStep> funnel, List<StageFigures> stages, List<WeekBreaches> slaBreachesOverTime,
                          List<ReasonShare> rejectionReasons, long openEscalations, VerificationFigures verification) {
    }

    private final TallyStore store;
    private final TaskService tasks;

    AnalyticsService(TallyStore store, TaskService tasks) {
        this.store = store;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    public Summary summary(LocalDate from, LocalDate to) {
        return summary(from, to, store.sum(from, to),
                tasks.createTaskQuery().taskDefinitionKeyIn(ESCALATIONS.toArray(String[]::new)).active().count());
    }

    /** The figures from the read model's rows of the range, summed over its days. */
    static Summary summary(LocalDate from, LocalDate to, Map<Cell, Tally> sums, long openEscalations) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> reached = new HashMap<>();
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, Long> sessions = new HashMap<>();
        Map<String, Long> waitEnds = new HashMap<>();
        Map<String, Long> numbered = new HashMap<>();
        Histogram waits = new Histogram();
        sums.forEach((cell, tally) -> {
            switch (cell.measure()) {
                case STATUS -> {
                    byStatus.merge(cell.key2(), tally.count(), Long::sum);
                    byType.merge(cell.key1(), tally.count(), Long::sum);
                }
                case REACHED -> reached.merge(cell.key1(), tally.count(), Long::sum);
                case REASON -> reasons.merge(cell.key1(), tally.count(), Long::sum);
                case SESSION -> sessions.merge(cell.key1(), tally.count(), Long::sum);
                case VERIFICATION_END -> waitEnds.merge(cell.key1(), tally.count(), Long::sum);
                case VERIFICATION_WAIT -> waits.add(cell.bucket(), tally.count(), tally.amount());
                case NUMBERED -> numbered.merge(cell.key1(), tally.count(), Long::sum);
                case STAGE, BREACH -> {
                    // read by stages() and breachesOverTime()
                }
            }
        });
        byStatus.values().removeIf(n -> n == 0);
        byType.values().removeIf(n -> n == 0);
        long filings = byStatus.values().stream().mapToLong(Long::longValue).sum();

        List<FunnelStep> funnel = new ArrayList<>();
        long first = reached.getOrDefault(FUNNEL.get(0).name(), 0L);
        for (FilingStatus step : FUNNEL) {
            long count = reached.getOrDefault(step.name(), 0L);
            funnel.add(new FunnelStep(step.name(), count, first == 0 ? 0 : Histogram.round((double) count / first)));
        }
        VerificationFigures verification = new VerificationFigures((int) waits.count(), waits.percentile(0.5), waits.percentile(0.9),
                waitEnds.getOrDefault(FilingStatus.PROVIDER_REVIEW.name(), 0L), waitEnds.getOrDefault(FilingStatus.RETURNED.name(), 0L),
                sessions.values().stream().mapToLong(Long::longValue).sum(), sessions.getOrDefault(SessionsMoved.Outcome.PASSED.name(), 0L),
                sessions.getOrDefault(SessionsMoved.Outcome.FAILED.name(), 0L),
                sessions.getOrDefault(SessionsMoved.Outcome.UNANSWERED.name(), 0L));
        return new Summary(from, to, filings, byStatus, byType,
                new Numbered(numbered.getOrDefault(FilingTallies.Numbered.WEBSITE.name(), 0L),
                        numbered.getOrDefault(FilingTallies.Numbered.APP.name(), 0L)),
                funnel, stages(sums), breachesOverTime(sums), rejectionReasons(reasons), openEscalations, verification);
    }

    static List<StageFigures> stages(Map<Cell, Tally> sums) {
        Map<Stage, Histogram> whole = new EnumMap<>(Stage.class);
        Map<Stage, Map<String, Histogram>> byProvince = new EnumMap<>(Stage.class);
        Map<Stage, Integer> breaches = new EnumMap<>(Stage.class);
        sums.forEach((cell, tally) -> {
            if (cell.measure() == Measure.STAGE) {
                Stage stage = Stage.valueOf(cell.key1());
                whole.computeIfAbsent(stage, s -> new Histogram()).add(cell.bucket(), tally.count(), tally.amount());
                if (!cell.key2().isEmpty()) {
                    byProvince.computeIfAbsent(stage, s -> new TreeMap<>()).computeIfAbsent(cell.key2(), p -> new Histogram())
                            .add(cell.bucket(), tally.count(), tally.amount());
                }
            } else if (cell.measure() == Measure.BREACH) {
                breaches.merge(Stage.valueOf(cell.key1()), (int) tally.count(), Integer::sum);
            }
        });
        List<StageFigures> figures = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            Histogram days = whole.getOrDefault(stage, new Histogram());
            List<ProvinceFigures> provinces = byProvince.getOrDefault(stage, Map.of()).entrySet().stream()
                    .map(e -> new ProvinceFigures(e.getKey(), (int) e.getValue().count(), e.getValue().percentile(0.5),
                            e.getValue().percentile(0.9)))
                    .toList();
            figures.add(new StageFigures(stage.name(), (int) days.count(), days.percentile(0.5), days.percentile(0.9),
                    breaches.getOrDefault(stage, 0), stage.slaBusinessDays(), provinces, days.distribution()));
        }
        return figures;
    }

    static List<WeekBreaches> breachesOverTime(Map<Cell, Tally> sums) {
        Map<LocalDate, Map<Stage, Integer>> byWeek = new TreeMap<>();
        sums.forEach((cell, tally) -> {
            if (cell.measure() == Measure.BREACH && tally.count() > 0) {
                byWeek.computeIfAbsent(LocalDate.parse(cell.key2()), w -> new EnumMap<>(Stage.class))
                        .merge(Stage.valueOf(cell.key1()), (int) tally.count(), Integer::sum);
            }
        });
        List<WeekBreaches> series = new ArrayList<>();
        byWeek.forEach((week, stages) -> stages.forEach((stage, count) -> series.add(new WeekBreaches(week, stage.name(), count))));
        return series;
    }

    private static List<ReasonShare> rejectionReasons(Map<String, Long> counts) {
        counts.values().removeIf(n -> n == 0);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream()
                .map(e -> new ReasonShare(e.getKey(), e.getValue(), Histogram.round((double) e.getValue() / total)))
                .sorted(Comparator.comparingLong(ReasonShare::count).reversed().thenComparing(ReasonShare::code))
                .toList();
    }
}
