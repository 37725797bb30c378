package io.icpflow.calendarcoverage;

import io.icpflow.process.Variable;

/** The process API of {@code bpmn/calendar-coverage.bpmn}: a task for operations before the calendar runs out. */
public final class CalendarCoverageProcess {

    public static final String KEY = "calendarCoverage";

    private CalendarCoverageProcess() {
    }

    public static final class Tasks {
        public static final String FOLLOW_UP = "calendarCoverageFollowUp";

        private Tasks() {
        }
    }

    /** The year to add (0: none, or a task for it is already open). */
    public static final Variable<Integer> UNCOVERED_YEAR = Variable.integer("uncoveredYear");
}
