package io.icpflow.analytics;

import io.icpflow.analytics.StageDurations.Event;
import io.icpflow.analytics.Tallies.Cell;
import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingStatusWritten;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Slas;
import io.icpflow.registry.FilingNumbered;
import io.icpflow.verification.SessionsMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the read model ({@link TallyStore}) in the transaction of what moves it: a filing created or
 * changing status, its websites and apps numbered, its verification sessions opened, decided or closed.
 * What a timeline's entry adds is {@link #entry}, for a status change as for the rebuild.
 */
@Component
class FilingTallies {

    private final TallyStore store;
    private final FilingRepository filings;
    private final BusinessCalendar calendar;
    private final Slas.Limits limits;

    FilingTallies(TallyStore store, FilingRepository filings, BusinessCalendar calendar, Slas slas) {
        this.store = store;
        this.filings = filings;
        this.calendar = calendar;
        this.limits = slas::amount;
    }

    @EventListener
    void statusWritten(FilingStatusWritten written) {
        Filing filing = written.filing();
        LocalDate day = createdOn(filing.createdAt());
        Tallies changes = new Tallies();
        changes.count(status(day, filing.type(), filing.status()), 1);
        if (!written.isNew()) {
            changes.count(status(day, filing.type(), written.previous()), -1);
            List<Event> timeline = timeline(filing);
            // the new entry carries the reasons the filing holds now
            entry(day, timeline, timeline.size() - 1, filing.reasons().stream().map(r -> r.code().name()).toList(), changes);
        }
        store.add(changes);
    }

    @EventListener
    void numbered(FilingNumbered numbered) {
        // a registry entry recorded without a filing of ours (a number filed elsewhere, imported) is no filing's figure
        Optional<Filing> filing = filings.find(numbered.filingId());
        if (filing.isEmpty()) {
            return;
        }
        LocalDate day = createdOn(filing.get().createdAt());
        Tallies changes = new Tallies();
        changes.count(Cell.of(day, Measure.NUMBERED, Numbered.WEBSITE.name()), numbered.websites());
        changes.count(Cell.of(day, Measure.NUMBERED, Numbered.APP.name()), numbered.apps());
        store.add(changes);
    }

    @EventListener
    void sessionsMoved(SessionsMoved moved) {
        LocalDate day = createdOn(filings.get(moved.filingId()).createdAt());
        Tallies changes = new Tallies();
        changes.count(Cell.of(day, Measure.SESSION, moved.to().name()), moved.sessions());
        if (moved.from() != null) {
            changes.count(Cell.of(day, Measure.SESSION, moved.from().name()), -moved.sessions());
        }
        store.add(changes);
    }

    enum Numbered { WEBSITE, APP }

    static Cell status(LocalDate day, FilingType type, FilingStatus status) {
        return new Cell(day, Measure.STATUS, type.name(), status.name(), 0);
    }

    /**
     * What the timeline's entry {@code i}, carrying the reasons {@code reasonCodes}, adds beside the status
     * count: the status reached (once per filing), the stages it completes with their SLA breaches, the
     * reasons of a return, the end of a wait for identity verification.
     */
    void entry(LocalDate day, List<Event> timeline, int i, List<String> reasonCodes, Tallies into) {
        Event event = timeline.get(i);
        boolean reachedBefore = timeline.subList(0, i).stream().anyMatch(e -> e.status() == event.status());
        if (!reachedBefore) {
            into.count(Cell.of(day, Measure.REACHED, event.status().name()), 1);
        }
        for (StageDurations.Sample sample : StageDurations.endingAt(timeline, i, calendar, limits)) {
            sample(day, sample, into);
        }
        if (event.status().acceptsResubmission()) {
            reasonCodes.forEach(code -> into.count(Cell.of(day, Measure.REASON, code), 1));
        }
        if (i > 0 && timeline.get(i - 1).status() == FilingStatus.IDENTITY_VERIFICATION) {
            into.duration(day, Measure.VERIFICATION_WAIT, "", "", Duration.between(timeline.get(i - 1).at(), event.at()).toSeconds() / 60.0);
            into.count(Cell.of(day, Measure.VERIFICATION_END, event.status().name()), 1);
        }
    }

    /** A completed stage: its bin (by province for the CA's review, the one stage the page shows so) and, if late, the week of its breach. */
    static void sample(LocalDate day, StageDurations.Sample sample, Tallies into) {
        String province = sample.stage() == Stage.CA_REVIEW ? sample.province() : "";
        into.duration(day, Measure.STAGE, sample.stage().name(), province, sample.businessDays());
        if (sample.breached()) {
            LocalDate week = sample.endedOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            into.count(new Cell(day, Measure.BREACH, sample.stage().name(), week.toString(), 0), 1);
        }
    }

    private List<Event> timeline(Filing filing) {
        String province = filing.application().subject().province();
        return filings.timeline(filing.id()).stream()
                .map(entry -> new Event(filing.id(), filing.type(), province, entry.at(), entry.status(), null))
                .toList();
    }

    static LocalDate createdOn(OffsetDateTime createdAt) {
        return createdAt.atZoneSameInstant(EngineClock.CHINA).toLocalDate();
    }
}
