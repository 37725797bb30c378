package io.icpflow.calendarcoverage;

import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The first year from today up to the lead time ahead whose holiday arrangement the calendar lacks
 * (no data, or the statutory days only), unless operations already have a task for it.
 */
@Component
class CalendarCoverageDelegate implements JavaDelegate {

    private final BusinessCalendar calendar;
    private final CalendarCoverageProperties properties;
    private final TaskService tasks;

    CalendarCoverageDelegate(BusinessCalendar calendar, CalendarCoverageProperties properties, TaskService tasks) {
        this.calendar = calendar;
        this.properties = properties;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = EngineClock.todayInChina();
        int until = today.plus(properties.coverageLeadTime()).getYear();
        int missing = 0;
        for (int year = today.getYear(); year <= until && missing == 0; year++) {
            if (!calendar.covers(year) || calendar.isStatutoryOnly(year)) {
                missing = year;
            }
        }
        boolean open = missing != 0 && tasks.createTaskQuery().taskDefinitionKey(CalendarCoverageProcess.Tasks.FOLLOW_UP)
                .processVariableValueEquals(CalendarCoverageProcess.UNCOVERED_YEAR.name(), missing).count() > 0;
        CalendarCoverageProcess.UNCOVERED_YEAR.set(execution, open ? 0 : missing);
    }
}
