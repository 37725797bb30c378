package io.icpflow.calendarcoverage;

import io.icpflow.security.Groups;
import io.icpflow.security.TaskReaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reads the calendar-coverage tasks (security.DefaultAuthorizations). */
@Configuration(proxyBeanMethods = false)
class CalendarTeams {

    @Bean
    TaskReaders opsReadTheCalendarCoverage() {
        return new TaskReaders(Groups.OPS, CalendarCoverageProcess.KEY);
    }
}
