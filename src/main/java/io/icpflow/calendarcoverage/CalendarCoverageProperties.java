package io.icpflow.calendarcoverage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * @param coverageCycle    when the calendar-coverage check runs: a Camunda timer cycle, by default every
 *                         day at 03:00 server time
 * @param coverageLeadTime how far ahead a year must have its holiday arrangement: the longest business-day
 *                         timer (Zhejiang's CA, 30 business days) counts about 45 calendar days, so 60 days
 *                         leave operations two weeks or more
 */
@ConfigurationProperties("icp.calendar")
public record CalendarCoverageProperties(@DefaultValue("0 0 3 * * ?") String coverageCycle,
                                         @DefaultValue("P60D") Period coverageLeadTime) {
}
