package io.icpflow.filing;

import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import io.icpflow.rules.RuleBook;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;

/**
 * The BPMN timers' due dates: {@code <timeDate>${slas.due(execution, 'CA_REVIEW')}</timeDate>}, for
 * the filing of the execution's business key: a limit set by a rule table takes the row in force in
 * the subject's province on the day the application was (re)submitted. Reads the engine clock, so a
 * test that moves the clock and an operator who runs a job early see what real time passing would do.
 */
@Component
public class Slas {

    private final BusinessCalendar calendar;
    private final RuleBook rules;
    private final FilingRepository filings;

    public Slas(BusinessCalendar calendar, RuleBook rules, FilingRepository filings) {
        this.calendar = calendar;
        this.rules = rules;
        this.filings = filings;
    }

    /** Limits by SLA, province and day, for reading many at once (analytics). */
    @FunctionalInterface
    public interface Limits {
        int amount(Sla sla, String province, LocalDate day);
    }

    public Date due(DelegateExecution execution, String name) {
        Sla sla = Sla.valueOf(name);
        Filing filing = filings.find(execution.getProcessBusinessKey()).orElse(null);
        return Date.from(sla.deadline(EngineClock.now(), amount(sla, filing), calendar));
    }

    /** The amount of the limit for this filing: the rule table's row in force, else the national constant. */
    public int amount(Sla sla, Filing filing) {
        return filing == null ? amount(sla, null, null) : amount(sla, filing.application().subject().province(), filing.rulesDay());
    }

    /** The amount for an application of the province submitted on the day (day null: the national constant). */
    public int amount(Sla sla, String province, LocalDate day) {
        if (sla.table() == null || day == null) {
            return sla.amount();
        }
        return rules.inForce(sla.table(), province, day).map(rule -> sla.amountOf(rule.value())).orElse(sla.amount());
    }
}
