package io.icpflow.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A day in a query parameter ({@code ?on=2026-12-01}): ISO format, from 2000 to 2100, else a problem at its name. */
public final class DayParameter {

    /** ICP filing began in 2000 (State Council order 292); nothing is filed beyond the calendar's reach either. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private DayParameter() {
    }

    /** The day, or {@code fallback} when none is given or it is refused (then a problem is added to {@code errors}). */
    public static LocalDate parse(String value, String field, LocalDate fallback, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
                errors.add(new FieldProblem(field, "OUT_OF_RANGE", "a date from " + FIRST_YEAR + " to " + LAST_YEAR));
                return fallback;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "INVALID_FORMAT", "a date YYYY-MM-DD"));
            return fallback;
        }
    }
}
