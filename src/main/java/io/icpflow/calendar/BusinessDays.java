package io.icpflow.calendar;

import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Timer expressions in the BPMN files: {@code <timeDate>${businessDays.after(20)}</timeDate>}.
 * Reads the engine clock, so tests that move the clock and operators who run a job early see the
 * same behaviour as real time passing.
 */
@Component("businessDays")
public class BusinessDays {

    private final BusinessCalendar calendar;

    public BusinessDays(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Date after(int businessDays) {
        return Date.from(calendar.deadlineAfter(EngineClock.now(), businessDays).toInstant());
    }
}
