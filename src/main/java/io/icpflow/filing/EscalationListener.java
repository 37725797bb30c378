package io.icpflow.filing;

import io.icpflow.process.Variable;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Opens an escalation about a filing ({@code reviewOverdue}, {@code caReviewOverdue},
 * {@code syncOverdue}): {@code ${escalationListener.opened(task, 'CA_REVIEW')}} names the task after
 * the subject, so operations can scan their list as reviewers do theirs ("CA review of &lt;id&gt;
 * overdue · 杭州示例科技有限公司"), and puts the SLA that ran out on the form, from {@link Sla}.
 */
@Component
public class EscalationListener {

    /** Shown by {@code forms/escalation.form} (task-local). */
    public static final Variable<String> ESCALATION_SLA = Variable.displayText("escalationSla");

    private final FilingRepository filings;
    private final Slas slas;
    private final MeterRegistry meters;

    EscalationListener(FilingRepository filings, Slas slas, MeterRegistry meters) {
        this.filings = filings;
        this.slas = slas;
        this.meters = meters;
    }

    public void opened(DelegateTask task, String name) {
        Sla sla = Sla.valueOf(name);
        // an escalation opens when its SLA has run out: operations count the breaches
        meters.counter("icp.sla.breaches", "sla", sla.name()).increment();
        Filing filing = filings.find(task.getExecution().getProcessBusinessKey()).orElse(null);
        ESCALATION_SLA.setLocal(task, sla.text(slas.amount(sla, filing)));
        if (filing != null) {
            task.setName(task.getName() + " · " + filing.application().subject().name());
        }
    }
}
