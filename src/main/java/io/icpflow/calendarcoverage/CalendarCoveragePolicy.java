package io.icpflow.calendarcoverage;

import org.springframework.stereotype.Component;

/** {@code ${calendarCoveragePolicy.cycle}} in calendar-coverage.bpmn. */
@Component
public class CalendarCoveragePolicy {

    private final CalendarCoverageProperties properties;

    CalendarCoveragePolicy(CalendarCoverageProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.coverageCycle();
    }
}
