package io.icpflow.filing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Adds the subject to the name of an escalation about a filing ({@code reviewOverdue},
 * {@code caReviewOverdue}, {@code syncOverdue}), so operations can scan their list as reviewers do
 * theirs: "CA review of &lt;id&gt; overdue · 杭州示例科技有限公司".
 */
@Component("escalationName")
class EscalationNameListener implements TaskListener {

    private final FilingRepository filings;

    EscalationNameListener(FilingRepository filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateTask task) {
        filings.find(task.getExecution().getProcessBusinessKey())
                .ifPresent(filing -> task.setName(task.getName() + " · " + filing.application().subject().name()));
    }
}
