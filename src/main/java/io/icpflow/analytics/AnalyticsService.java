package io.icpflow.analytics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.analytics.StageDurations.Event;
import io.icpflow.access.AccessCheckProcess;
import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Slas;
import io.icpflow.expiry.ExpiryMonitorProcess;
import io.icpflow.providerstage.ProviderStageProcess;
import io.icpflow.regulatorreview.RegulatorReviewProcess;
import io.icpflow.syncwait.SyncWaitProcess;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The process analysts' figures over the filings created in a date range (China dates): counts by
 * status and by type (new filings, changes, transfers, cancellations), the websites and apps numbered, the funnel, stage durations in business days of the same calendar as the timers (median,
 * p90, distribution, SLA breaches and when they happened; CA review also per province), rejection
 * reasons and open escalations. Each figure comes from one query, never from a loop over instances.
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

    private static final double[] BUCKETS = {0.5, 1, 2, 5, 10, 20, 30};

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final TaskService tasks;
    private final ObjectMapper json;

    private final Slas slas;

    AnalyticsService(JdbcClient jdbc, BusinessCalendar calendar, TaskService tasks, ObjectMapper json, Slas slas) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.tasks = tasks;
        this.json = json;
        this.slas = slas;
    }

    @Transactional(readOnly = true)
    public Summary summary(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(EngineClock.CHINA).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(EngineClock.CHINA).toOffsetDateTime();

        Map<String, Long> byStatus = new TreeMap<>();
        jdbc.sql("select status, count(*) from filing where created_at >= ? and created_at < ? group by status")
                .params(start, end)
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        long filings = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> byType = new TreeMap<>();
        jdbc.sql("select type, count(*) from filing where created_at >= ? and created_at < ? group by type")
                .params(start, end)
                .query(rs -> {
                    byType.put(rs.getString(1), rs.getLong(2));
                });
        Numbered numbered = new Numbered(numbered("icp_website", start, end), numbered("icp_app", start, end));

        Map<String, Long> reached = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.status, count(distinct e.filing_id) from filing_event e join filing f on f.id = e.filing_id
                        where f.created_at >= ? and f.created_at < ? group by e.status""")
                .params(start, end)
                .query(rs -> {
                    reached.put(rs.getString(1), rs.getLong(2));
                });
        List<FunnelStep> funnel = new ArrayList<>();
        long first = reached.getOrDefault(FUNNEL.get(0).name(), 0L);
        for (FilingStatus step : FUNNEL) {
            long count = reached.getOrDefault(step.name(), 0L);
            funnel.add(new FunnelStep(step.name(), count, first == 0 ? 0 : round((double) count / first)));
        }

        List<Event> events = jdbc.sql("""
                        select e.filing_id, f.type, f.province, e.at, e.status, e.reasons from filing_event e join filing f on f.id = e.filing_id
                        where f.created_at >= ? and f.created_at < ? order by e.filing_id, e.id""")
                .params(start, end)
                .query((rs, n) -> new Event(rs.getString(1), FilingType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), FilingStatus.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
        List<StageDurations.Sample> samples = StageDurations.of(events, calendar, slas::amount);
        return new Summary(from, to, filings, byStatus, byType, numbered, funnel, stages(samples), breachesOverTime(samples), rejectionReasons(events),
                tasks.createTaskQuery().taskDefinitionKeyIn(ESCALATIONS.toArray(String[]::new)).active().count(),
                verification(events, start, end));
    }

    private VerificationFigures verification(List<Event> events, OffsetDateTime start, OffsetDateTime end) {
        List<Double> minutes = new ArrayList<>();
        long passed = 0;
        long returned = 0;
        for (int i = 0; i + 1 < events.size(); i++) {
            Event event = events.get(i);
            Event next = events.get(i + 1);
            if (event.status() == FilingStatus.IDENTITY_VERIFICATION && next.filingId().equals(event.filingId())) {
                minutes.add(Duration.between(event.at(), next.at()).toSeconds() / 60.0);
                passed += next.status() == FilingStatus.PROVIDER_REVIEW ? 1 : 0;
                returned += next.status() == FilingStatus.RETURNED ? 1 : 0;
            }
        }
        Collections.sort(minutes);
        Map<String, Long> sessions = new TreeMap<>();
        jdbc.sql("""
                        select s.status, s.closed, count(*) from verification_session s join filing f on f.id = s.filing_id
                        where f.created_at >= ? and f.created_at < ? group by s.status, s.closed""")
                .params(start, end)
                .query(rs -> {
                    boolean unanswered = "PENDING".equals(rs.getString(1)) && rs.getBoolean(2);
                    sessions.merge(unanswered ? "UNANSWERED" : rs.getString(1), rs.getLong(3), Long::sum);
                });
        return new VerificationFigures(minutes.size(), percentile(minutes, 0.5), percentile(minutes, 0.9), passed, returned,
                sessions.values().stream().mapToLong(Long::longValue).sum(), sessions.getOrDefault("PASSED", 0L),
                sessions.getOrDefault("FAILED", 0L), sessions.getOrDefault("UNANSWERED", 0L));
    }

    private long numbered(String table, OffsetDateTime start, OffsetDateTime end) {
        return jdbc.sql("select count(*) from " + table + " n join filing f on f.id = n.filing_id where f.created_at >= ? and f.created_at < ?")
                .params(start, end).query(Long.class).single();
    }

    static List<StageFigures> stages(List<StageDurations.Sample> samples) {
        List<StageFigures> figures = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<StageDurations.Sample> ofStage = samples.stream().filter(x -> x.stage() == stage).toList();
            List<Double> days = ofStage.stream().map(StageDurations.Sample::businessDays).sorted().toList();
            int breaches = (int) ofStage.stream().filter(StageDurations.Sample::breached).count();
            List<ProvinceFigures> provinces = stage != Stage.CA_REVIEW ? List.of() : ofStage.stream()
                    .collect(Collectors.groupingBy(StageDurations.Sample::province, TreeMap::new,
                            Collectors.mapping(StageDurations.Sample::businessDays, Collectors.toList())))
                    .entrySet().stream()
                    .map(e -> {
                        List<Double> sorted = e.getValue().stream().sorted().toList();
                        return new ProvinceFigures(e.getKey(), sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
                    }).toList();
            figures.add(new StageFigures(stage.name(), days.size(), percentile(days, 0.5), percentile(days, 0.9), breaches,
                    stage.slaBusinessDays(), provinces, distribution(days)));
        }
        return figures;
    }

    static List<Bucket> distribution(List<Double> sortedDays) {
        List<Bucket> buckets = new ArrayList<>();
        int taken = 0;
        double lower = 0;
        for (double bound : BUCKETS) {
            int upTo = 0;
            while (taken + upTo < sortedDays.size() && sortedDays.get(taken + upTo) <= bound) {
                upTo++;
            }
            buckets.add(new Bucket(lower == 0 ? "≤" + label(bound) : label(lower) + "–" + label(bound), bound, upTo));
            taken += upTo;
            lower = bound;
        }
        buckets.add(new Bucket(">" + label(lower), null, sortedDays.size() - taken));
        return buckets;
    }

    private static String label(double days) {
        return days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(days);
    }

    static List<WeekBreaches> breachesOverTime(List<StageDurations.Sample> samples) {
        Map<LocalDate, Map<Stage, Integer>> byWeek = new TreeMap<>();
        for (StageDurations.Sample sample : samples) {
            if (sample.breached()) {
                LocalDate week = sample.endedOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                byWeek.computeIfAbsent(week, w -> new EnumMap<>(Stage.class)).merge(sample.stage(), 1, Integer::sum);
            }
        }
        List<WeekBreaches> series = new ArrayList<>();
        byWeek.forEach((week, stages) -> stages.forEach((stage, count) -> series.add(new WeekBreaches(week, stage.name(), count))));
        return series;
    }

    private List<ReasonShare> rejectionReasons(List<Event> events) {
        Map<String, Long> counts = new TreeMap<>();
        for (Event event : events) {
            if (!event.status().acceptsResubmission() || event.reasons() == null) {
                continue;
            }
            try {
                List<Map<String, Object>> reasons = json.readValue(event.reasons(), new TypeReference<>() { });
                reasons.forEach(r -> counts.merge(String.valueOf(r.get("code")), 1L, Long::sum));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable reasons of filing " + event.filingId(), e);
            }
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream()
                .map(e -> new ReasonShare(e.getKey(), e.getValue(), round((double) e.getValue() / total)))
                .sorted(Comparator.comparingLong(ReasonShare::count).reversed().thenComparing(ReasonShare::code))
                .toList();
    }

    /** Nearest-rank percentile of sorted values; null when there are none. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return round(sorted.get(Math.max(0, rank - 1)));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

}
