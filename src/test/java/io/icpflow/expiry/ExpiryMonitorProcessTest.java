package io.icpflow.expiry;

import io.icpflow.EngineTest;
import io.icpflow.ProcessDriver;
import io.icpflow.TestData;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** bpmn/expiry-monitor.bpmn and bpmn/expired-domain.bpmn: one deregistration proposal per expired filed domain (001). */
@EngineTest
class ExpiryMonitorProcessTest {

    @Autowired FilingService service;
    @Autowired FilingRepository filings;
    @Autowired ProcessDriver driver;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    void expiredFiledDomainIsProposedForDeregistrationOnceNotEveryDay() {
        String id = driver.create("alice", TestData.enterprise("expires-soon.cn"));
        driver.driveToActive(id, "浙ICP备2026777001号");

        runMonitor();
        assertThat(proposals()).isZero();

        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2027-02-03T10:00:00+08:00").toInstant()));
        runMonitor();
        assertThat(proposals()).isEqualTo(1);
        assertThat(driver.task(id, ExpiryMonitorProcess.Tasks.FOLLOW_UP).getName()).contains("expires-soon.cn");
        assertThat(jdbc.sql("select body_text from mail_outbox where filing_id = ? and subject like ?").params(id, "%提醒%")
                .query(String.class).list()).anySatisfy(body -> assertThat(body).contains("expires-soon.cn").contains("CANCEL_WEBSITE"));

        runMonitor();
        assertThat(proposals()).isEqualTo(1);
        driver.complete(id, ExpiryMonitorProcess.Tasks.FOLLOW_UP, Map.of("escalationNote", "applicant asked to cancel"));
        assertThat(driver.task(id, ExpiryMonitorProcess.Tasks.FOLLOW_UP)).isNull();
    }

    /** Runs the daily timer now, then the monitor's async step, as the job executor would. */
    private void runMonitor() {
        Job timer = management.createJobQuery().processDefinitionKey(ExpiryMonitorProcess.KEY).timers().singleResult();
        assertThat(timer).as("the daily timer of the monitor").isNotNull();
        management.executeJob(timer.getId());
        for (Job step : management.createJobQuery().processDefinitionKey(ExpiryMonitorProcess.KEY).messages().list()) {
            management.executeJob(step.getId());
        }
    }

    private long proposals() {
        return jdbc.sql("select count(*) from expiry_proposal where domain = 'expires-soon.cn'").query(Long.class).single();
    }
}
