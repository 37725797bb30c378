package io.icpflow.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Refuses to run with no holiday data for this year; warns about next year while there is time to add it. */
@Component
class CalendarCoverageCheck {

    private static final Logger log = LoggerFactory.getLogger(CalendarCoverageCheck.class);

    private final BusinessCalendar calendar;

    CalendarCoverageCheck(BusinessCalendar calendar) {
        this.calendar = calendar;
        int thisYear = EngineClock.todayInChina().getYear();
        if (!calendar.covers(thisYear)) {
            throw new CalendarNotCoveredException(LocalDate.of(thisYear, 1, 1));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutNextYear() {
        int nextYear = EngineClock.todayInChina().getYear() + 1;
        if (!calendar.covers(nextYear)) {
            log.error("No holiday data for {}: business-day timers reaching into it will fail; update calendar/cn-holidays-overrides.json", nextYear);
        } else if (calendar.isStatutoryOnly(nextYear)) {
            log.warn("Holiday data for {} has statutory days only: add the State Council's arrangement when it is published", nextYear);
        }
    }
}
