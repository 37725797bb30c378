package io.icpflow.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The job executor's acquisition and execution as Prometheus counters. The engine counts these
 * itself, but keeps them in memory and clears them at each flush to {@code ACT_RU_METER_LOG} (every
 * 15 minutes), so no read of its own is monotonic; this registry counts each occurrence into
 * Micrometer as the engine marks it, beside the engine's own counting.
 */
@Component
class JobExecutorMetrics extends AbstractCamundaConfiguration {

    private final MeterRegistry meters;

    JobExecutorMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setMetricsRegistry(new Counting(Map.of(
                Metrics.JOB_ACQUISITION_ATTEMPT, counter("icp.jobs.acquisition.attempts", "Acquisition queries the job executor ran"),
                Metrics.JOB_ACQUIRED_SUCCESS, counter("icp.jobs.acquired", "Jobs the job executor locked for execution", "outcome", "locked"),
                Metrics.JOB_ACQUIRED_FAILURE, counter("icp.jobs.acquired", "Jobs another node locked first", "outcome", "lost"),
                Metrics.JOB_EXECUTION_REJECTED, counter("icp.jobs.rejected", "Jobs the executor's queue had no room for"),
                Metrics.JOB_SUCCESSFUL, counter("icp.jobs.executed", "Jobs executed", "outcome", "successful"),
                Metrics.JOB_FAILED, counter("icp.jobs.executed", "Jobs executed", "outcome", "failed"))));
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(meters);
    }

    /** The engine's registry, counting what it marks of {@code counted} into Micrometer too. */
    private static final class Counting extends MetricsRegistry {
        private final Map<String, Counter> counted;

        Counting(Map<String, Counter> counted) {
            this.counted = counted;
        }

        @Override
        public void markOccurrence(String name, long times) {
            super.markOccurrence(name, times);
            Counter counter = counted.get(name);
            if (counter != null) {
                counter.increment(times);
            }
        }
    }
}
