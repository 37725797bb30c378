package io.icpflow.analytics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.calendar.BusinessCalendar;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process analysts' figures over the filings created in a date range (China dates): counts by
 * status, the funnel, stage durations in business days of the same calendar as the timers (median,
 * p90, SLA breaches; CA review also per province), rejection reasons and open escalations. Each
 * figure comes from one query, never from a loop over instances.
 */
@Service
public class AnalyticsService {

    /** The stages an applicant waits through, with their SLA in business days (PRODUCT.md). */
    enum Stage {
        PROVIDER_REVIEW("PROVIDER_REVIEW", 1),
        SMS_VERIFICATION("SMS_VERIFICATION", 1),
        CA_REVIEW("CA_REVIEW", 20),
        SYNC_WAIT("APPROVED", 2);

        final String status;
        final int slaBusinessDays;

        Stage(String status, int slaBusinessDays) {
            this.status = status;
            this.slaBusinessDays = slaBusinessDays;
        }
    }

    private static final List<String> FUNNEL = List.of("SUBMITTED", "PROVIDER_REVIEW", "SMS_VERIFICATION", "CA_REVIEW", "APPROVED", "ACTIVE");
    private static final List<String> ESCALATIONS = List.of("reviewOverdue", "caReviewOverdue", "syncOverdue", "accessCheckOverdue",
            "expiredDomainFollowUp");

    public record FunnelStep(String step, long count, double conversion) {
    }

    public record StageFigures(String stage, int count, Double medianBusinessDays, Double p90BusinessDays, int slaBreaches,
                               int slaBusinessDays, List<ProvinceFigures> byProvince) {
    }

    public record ProvinceFigures(String province, int count, Double medianBusinessDays, Double p90BusinessDays) {
    }

    public record ReasonShare(String code, long count, double share) {
    }

    public record Summary(LocalDate from, LocalDate to, long filings, Map<String, Long> byStatus, List<FunnelStep> funnel,
                          List<StageFigures> stages, List<ReasonShare> rejectionReasons, long openEscalations) {
    }

    private record Event(String filingId, String province, OffsetDateTime at, String status, String reasons) {
    }

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final TaskService tasks;
    private final ObjectMapper json;

    AnalyticsService(JdbcClient jdbc, BusinessCalendar calendar, TaskService tasks, ObjectMapper json) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.tasks = tasks;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Summary summary(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(BusinessCalendar.CHINA).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(BusinessCalendar.CHINA).toOffsetDateTime();

        Map<String, Long> byStatus = new TreeMap<>();
        jdbc.sql("select status, count(*) from filing where created_at >= ? and created_at < ? group by status")
                .params(start, end)
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        long filings = byStatus.values().stream().mapToLong(Long::longValue).sum();

        Map<String, Long> reached = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.status, count(distinct e.filing_id) from filing_event e join filing f on f.id = e.filing_id
                        where f.created_at >= ? and f.created_at < ? group by e.status""")
                .params(start, end)
                .query(rs -> {
                    reached.put(rs.getString(1), rs.getLong(2));
                });
        List<FunnelStep> funnel = new ArrayList<>();
        long first = reached.getOrDefault(FUNNEL.get(0), 0L);
        for (String step : FUNNEL) {
            long count = reached.getOrDefault(step, 0L);
            funnel.add(new FunnelStep(step, count, first == 0 ? 0 : round((double) count / first)));
        }

        List<Event> events = jdbc.sql("""
                        select e.filing_id, f.province, e.at, e.status, e.reasons from filing_event e join filing f on f.id = e.filing_id
                        where f.created_at >= ? and f.created_at < ? order by e.filing_id, e.id""")
                .params(start, end)
                .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getString(5)))
                .list();
        return new Summary(from, to, filings, byStatus, funnel, stages(events), rejectionReasons(events),
                tasks.createTaskQuery().taskDefinitionKeyIn(ESCALATIONS.toArray(String[]::new)).active().count());
    }

    /** Time in each stage: from entering its status to the next status change of the same filing. */
    private List<StageFigures> stages(List<Event> events) {
        Map<Stage, List<double[]>> durations = new LinkedHashMap<>();
        Map<Stage, Map<String, List<Double>>> byProvince = new LinkedHashMap<>();
        for (int i = 0; i + 1 < events.size(); i++) {
            Event current = events.get(i);
            Event next = events.get(i + 1);
            if (!current.filingId().equals(next.filingId())) {
                continue;
            }
            for (Stage stage : Stage.values()) {
                if (stage.status.equals(current.status())) {
                    double days = calendar.businessDaysBetween(current.at().toInstant(), next.at().toInstant());
                    durations.computeIfAbsent(stage, s -> new ArrayList<>()).add(new double[]{days});
                    byProvince.computeIfAbsent(stage, s -> new TreeMap<>())
                            .computeIfAbsent(current.province(), p -> new ArrayList<>()).add(days);
                }
            }
        }
        List<StageFigures> figures = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<Double> days = durations.getOrDefault(stage, List.of()).stream().map(d -> d[0]).sorted().toList();
            int breaches = (int) days.stream().filter(d -> d > stage.slaBusinessDays).count();
            List<ProvinceFigures> provinces = stage == Stage.CA_REVIEW
                    ? byProvince.getOrDefault(stage, Map.of()).entrySet().stream()
                    .map(e -> {
                        List<Double> sorted = e.getValue().stream().sorted().toList();
                        return new ProvinceFigures(e.getKey(), sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
                    }).toList()
                    : List.of();
            figures.add(new StageFigures(stage.name(), days.size(), percentile(days, 0.5), percentile(days, 0.9), breaches,
                    stage.slaBusinessDays, provinces));
        }
        return figures;
    }

    private List<ReasonShare> rejectionReasons(List<Event> events) {
        Map<String, Long> counts = new TreeMap<>();
        for (Event event : events) {
            if (!"RETURNED".equals(event.status()) && !"CA_REJECTED".equals(event.status()) || event.reasons() == null) {
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
