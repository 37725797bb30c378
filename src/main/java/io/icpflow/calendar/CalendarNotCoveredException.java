package io.icpflow.calendar;

import java.time.LocalDate;

/**
 * A date in a year for which we have no holiday data. Counting such a year as plain weekdays would
 * silently shorten every SLA across its holidays, so it fails instead (an incident when it happens
 * in a job, a startup error for the current year).
 */
public class CalendarNotCoveredException extends RuntimeException {

    public CalendarNotCoveredException(LocalDate date) {
        super("No Chinese mainland holiday data for " + date.getYear() + " (needed for " + date
                + "): add the State Council's notice to calendar/cn-holidays-overrides.json");
    }
}
