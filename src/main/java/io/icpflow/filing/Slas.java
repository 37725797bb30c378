package io.icpflow.filing;

import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * The BPMN timers' due dates: {@code <timeDate>${slas.due('CA_REVIEW')}</timeDate>}. Reads the engine
 * clock, so a test that moves the clock and an operator who runs a job early see what real time
 * passing would do.
 */
@Component
public class Slas {

    private final BusinessCalendar calendar;

    Slas(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Date due(String sla) {
        return Date.from(Sla.valueOf(sla).deadline(EngineClock.now(), calendar));
    }
}
