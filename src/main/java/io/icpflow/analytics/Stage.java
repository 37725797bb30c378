package io.icpflow.analytics;

import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Sla;
import io.icpflow.filing.Slas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an applicant waits through, with the SLAs the processes keep for it ({@link Sla}). The first
 * four are the status stages every filing type passes; the last three are whole transfers,
 * cancellations and changes, from submission to their end, against their stages' SLAs one after the other.
 */
enum Stage {
    PROVIDER_REVIEW(FilingStatus.PROVIDER_REVIEW, null, Set.of(), Sla.PROVIDER_REVIEW),
    SMS_VERIFICATION(FilingStatus.SMS_VERIFICATION, null, Set.of(), Sla.SMS_VERIFICATION),
    CA_REVIEW(FilingStatus.CA_REVIEW, null, Set.of(), Sla.CA_REVIEW),
    SYNC_WAIT(FilingStatus.APPROVED, null, Set.of(), Sla.SYNC),
    TRANSFER(FilingStatus.SUBMITTED, FilingStatus.ACTIVE, EnumSet.of(FilingType.TRANSFER),
            Sla.PROVIDER_REVIEW, Sla.SMS_VERIFICATION, Sla.CA_REVIEW, Sla.SYNC),
    CANCELLATION(FilingStatus.SUBMITTED, FilingStatus.CANCELLED,
            EnumSet.of(FilingType.CANCEL_SUBJECT, FilingType.CANCEL_WEBSITE, FilingType.CANCEL_ACCESS, FilingType.CANCEL_APP),
            Sla.PROVIDER_REVIEW, Sla.SMS_VERIFICATION, Sla.CA_REVIEW),
    CHANGE(FilingStatus.SUBMITTED, FilingStatus.ACTIVE, EnumSet.of(FilingType.CHANGE_SUBJECT, FilingType.CHANGE_WEBSITE, FilingType.CHANGE_APP),
            Sla.PROVIDER_REVIEW, Sla.SMS_VERIFICATION, Sla.CA_REVIEW, Sla.SYNC);

    /** The status that starts the stage. */
    final FilingStatus from;
    /** The status that ends it; null: the next status change, whatever it is. */
    final FilingStatus until;
    /** Filing types the stage is measured for; empty: all. */
    final Set<FilingType> types;
    final List<Sla> slas;

    Stage(FilingStatus from, FilingStatus until, Set<FilingType> types, Sla... slas) {
        this.from = from;
        this.until = until;
        this.types = types;
        this.slas = List.of(slas);
    }

    boolean startsAt(FilingType type, FilingStatus status) {
        return from == status && (types.isEmpty() || types.contains(type));
    }

    /**
     * The stage's SLAs run one after the other from its start, as the timers count them, each with the
     * amount in force in the province on the day the stage began (Zhejiang's CA: 30 business days).
     */
    Instant deadline(Instant start, String province, Slas.Limits limits, BusinessCalendar calendar) {
        LocalDate day = start.atZone(EngineClock.CHINA).toLocalDate();
        Instant deadline = start;
        for (Sla sla : slas) {
            deadline = sla.deadline(deadline, limits.amount(sla, province, day), calendar);
        }
        return deadline;
    }

    /** For the chart beside business-day durations. */
    int slaBusinessDays() {
        return slas.stream().mapToInt(Sla::businessDays).sum();
    }
}
