package io.icpflow.analytics;

import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Slas;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The time each filing spent in each {@link Stage}, read from its timeline, in business days of the
 * calendar the timers use. A stage still running is not a sample (its length is not known yet).
 */
final class StageDurations {

    /** One status change of a filing, as the timeline stores it; a filing's events come together, oldest first. */
    record Event(String filingId, FilingType type, String province, OffsetDateTime at, FilingStatus status, String reasons) {
    }

    /** One completed stage of one filing; breached: it ended after its SLAs' deadline. */
    record Sample(Stage stage, String province, double businessDays, boolean breached, LocalDate endedOn) {
    }

    private StageDurations() {
    }

    /** Every completed stage in these timelines (a filing's events together, oldest first). */
    static List<Sample> of(List<Event> events, BusinessCalendar calendar, Slas.Limits limits) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            samples.addAll(endingAt(events, i, calendar, limits));
        }
        return samples;
    }

    /**
     * The stages that the event at {@code endIndex} completes: what a status change adds to the read
     * model, and, over every event of a timeline, the same samples as {@link #of}.
     */
    static List<Sample> endingAt(List<Event> events, int endIndex, BusinessCalendar calendar, Slas.Limits limits) {
        List<Sample> samples = new ArrayList<>();
        Event end = events.get(endIndex);
        for (int i = endIndex - 1; i >= 0 && events.get(i).filingId().equals(end.filingId()); i--) {
            Event start = events.get(i);
            for (Stage stage : Stage.values()) {
                if (stage.startsAt(start.type(), start.status()) && endOf(stage, events, i) == endIndex) {
                    samples.add(new Sample(stage, start.province(),
                            calendar.businessDaysBetween(start.at().toInstant(), end.at().toInstant()),
                            end.at().toInstant().isAfter(stage.deadline(start.at().toInstant(), start.province(), limits, calendar)),
                            end.at().atZoneSameInstant(EngineClock.CHINA).toLocalDate()));
                }
            }
        }
        return samples;
    }

    /** The index of the event that ends the stage begun at {@code startIndex}; -1 while it runs. */
    private static int endOf(Stage stage, List<Event> events, int startIndex) {
        String filing = events.get(startIndex).filingId();
        for (int j = startIndex + 1; j < events.size() && events.get(j).filingId().equals(filing); j++) {
            if (stage.until == null || stage.until == events.get(j).status()) {
                return j;
            }
        }
        return -1;
    }
}
