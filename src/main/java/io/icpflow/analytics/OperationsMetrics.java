package io.icpflow.analytics;

import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingCounts;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operations watch, as Prometheus gauges on {@code /actuator/prometheus}: filings by type and status
 * (from {@code filing_count}, never a scan), open escalations, incidents, jobs due, and the mail
 * outbox's backlog and oldest age. Read together every {@code icp.metrics.refresh} (15 s) into the
 * gauges, so a scrape costs nothing; the counters (status changes, SLA breaches, regulator notices)
 * are kept where the events happen.
 */
@Component
class OperationsMetrics {

    private final FilingCounts counts;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private final MultiGauge filings;
    private final AtomicLong openEscalations = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();
    private final AtomicLong jobsDue = new AtomicLong();
    private final AtomicLong mailBacklog = new AtomicLong();
    private final AtomicLong mailOldestSeconds = new AtomicLong();

    OperationsMetrics(FilingCounts counts, TaskService tasks, RuntimeService runtime, ManagementService management, JdbcClient jdbc,
                      MeterRegistry registry) {
        this.counts = counts;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.filings = MultiGauge.builder("icp.filings").description("Filings by type and status").register(registry);
        Gauge.builder("icp.escalations.open", openEscalations, AtomicLong::get).description("Open escalation tasks").register(registry);
        Gauge.builder("icp.incidents", incidents, AtomicLong::get).description("Open Camunda incidents").register(registry);
        Gauge.builder("icp.jobs.due", jobsDue, AtomicLong::get).description("Jobs due and not yet run (the job executor's backlog)")
                .register(registry);
        Gauge.builder("icp.mail.outbox.backlog", mailBacklog, AtomicLong::get).description("Mails not yet sent").register(registry);
        Gauge.builder("icp.mail.outbox.oldest.age", mailOldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest mail not yet sent").register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${icp.metrics.refresh:PT15S}")
    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Map.Entry<FilingType, Map<FilingStatus, Long>> type : counts.all().entrySet()) {
            type.getValue().forEach((status, n) -> rows.add(MultiGauge.Row.of(Tags.of("type", type.getKey().name(), "status", status.name()), n)));
        }
        filings.register(rows, true);
        openEscalations.set(tasks.createTaskQuery().taskDefinitionKeyIn(AnalyticsService.ESCALATIONS.toArray(String[]::new)).active().count());
        incidents.set(runtime.createIncidentQuery().count());
        jobsDue.set(management.createJobQuery().executable().count());
        OffsetDateTime now = EngineClock.nowInChina();
        jdbc.sql("select count(*), min(created_at) from mail_outbox where status <> 'SENT'").query(rs -> {
            mailBacklog.set(rs.getLong(1));
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            mailOldestSeconds.set(oldest == null ? 0 : Duration.between(oldest, now).toSeconds());
        });
    }
}
