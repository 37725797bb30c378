package io.icpflow.calendarcoverage;

import io.icpflow.EngineTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations hear of a missing holiday arrangement 60 days (icp.calendar.coverage-lead-time) before a
 * business-day timer could count into its year: 2027 holds the statutory days only.
 */
@EngineTest
class CalendarCoverageProcessTest {

    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;

    @Test
    void aYearWithoutItsArrangementGetsOneTaskWithinTheLeadTime() {
        // 2026-10-01 + 60 days is still 2026, whose arrangement the calendar has: nothing to do
        setClock("2026-10-01T03:00:00+08:00");
        runCheck();
        assertThat(openTasks()).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CalendarCoverageProcess.KEY).finished()
                .orderByProcessInstanceEndTime().desc().list().get(0).getEndActivityId()).isEqualTo("Event_Covered");

        // 2026-11-02 + 60 days reaches 2027: statutory days only, so operations get a task
        setClock("2026-11-02T03:00:00+08:00");
        runCheck();
        List<Task> open = openTasks();
        assertThat(open).singleElement().satisfies(task -> {
            assertThat(task.getName()).isEqualTo("Add the holiday arrangement for 2027");
            assertThat(tasks.getVariable(task.getId(), CalendarCoverageProcess.UNCOVERED_YEAR.name())).isEqualTo(2027);
            assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("icp-ops"));
        });
        // the next day: the task is open, no second one
        setClock("2026-11-03T03:00:00+08:00");
        runCheck();
        assertThat(openTasks()).hasSize(1);

        tasks.complete(open.get(0).getId(), Map.of("escalationNote", "2027 notice not out yet; checked gov.cn"));
        assertThat(openTasks()).isEmpty();
    }

    /** Runs the daily timer now, then the check's async step, as the job executor would. */
    private void runCheck() {
        Job timer = management.createJobQuery().processDefinitionKey(CalendarCoverageProcess.KEY).timers().singleResult();
        assertThat(timer).as("the daily timer of the coverage check").isNotNull();
        management.executeJob(timer.getId());
        for (Job step : management.createJobQuery().processDefinitionKey(CalendarCoverageProcess.KEY).messages().list()) {
            management.executeJob(step.getId());
        }
    }

    private List<Task> openTasks() {
        return tasks.createTaskQuery().taskDefinitionKey(CalendarCoverageProcess.Tasks.FOLLOW_UP).list();
    }

    private static void setClock(String iso) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(iso).toInstant()));
    }
}
