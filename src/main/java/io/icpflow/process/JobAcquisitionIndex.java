package io.icpflow.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the job table's due date, created once the engine's schema exists. Every waiting
 * filing holds business-day timers that fall due weeks ahead; the job executor's acquisition query
 * ({@code DUEDATE_ is null or DUEDATE_ <= now}) scanned all of them a few times a second: 20 ms each
 * with 30,000 filings waiting on PostgreSQL, and at 100,000 the scans starved the webhook (notice
 * p99 1.8 s, bench/README.md). With the index it reads only the jobs that are due.
 */
@Component
class JobAcquisitionIndex extends AbstractCamundaConfiguration {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        new JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource())
                .execute("create index if not exists ICP_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)");
    }
}
