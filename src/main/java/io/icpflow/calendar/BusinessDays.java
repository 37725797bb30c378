package io.icpflow.calendar;

import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Timer expressions in the BPMN files: {@code <timeDate>${businessDays.after(remediationPolicy.windowDays)}</timeDate>}, for limits an operator configures (the fixed SLAs are filing.Sla).
 * Reads the engine clock, so tests that move the clock and operators who run a job early see the
 * same behaviour as real time passing.
 */
@Component
public class BusinessDays {

    private final BusinessCalendar calendar;

    public BusinessDays(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Date after(int businessDays) {
        return Date.from(calendar.deadlineAfter(EngineClock.now(), businessDays).toInstant());
    }
}
