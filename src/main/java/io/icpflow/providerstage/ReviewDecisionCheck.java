package io.icpflow.providerstage;


import io.icpflow.filing.FilingRepository;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A review completes only with a decision the process knows, a return only with reasons the
 * applicant can act on (API.md: {@code reviewReasons} with {@code RETURN}), and rejected materials only
 * among those the filing attaches. Anything else is refused
 * (Camunda wraps the refusal as ENGINE-03051: an error with this message in /engine-rest and in
 * Tasklist) and the task stays open.
 */
@Component
class ReviewDecisionCheck implements TaskListener {

    private final FilingRepository filings;

    ReviewDecisionCheck(FilingRepository filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = ProviderStageProcess.REVIEW_DECISION.get(task);
        boolean known = ProviderStageProcess.ReviewDecision.APPROVE.name().equals(decision)
                || ProviderStageProcess.ReviewDecision.RETURN.name().equals(decision);
        if (!known) {
            throw new BadUserRequestException("reviewDecision must be APPROVE or RETURN, not " + decision);
        }
        String reasons = ProviderStageProcess.REVIEW_REASONS.get(task);
        if (ProviderStageProcess.ReviewDecision.RETURN.name().equals(decision) && (reasons == null || reasons.isBlank())) {
            throw new BadUserRequestException("a RETURN needs reviewReasons that tell the applicant what to correct");
        }
        List<String> rejected = ReviewReturns.rejectedIds(ProviderStageProcess.REVIEW_REJECTED_MATERIALS.get(task));
        if (!rejected.isEmpty()) {
            if (!ProviderStageProcess.ReviewDecision.RETURN.name().equals(decision)) {
                throw new BadUserRequestException("reviewRejectedMaterials go with RETURN only");
            }
            List<String> attached = ReviewReturns.attachedIds(filings.get(task.getExecution().getProcessBusinessKey()));
            List<String> foreign = rejected.stream().filter(id -> !attached.contains(id)).toList();
            if (!foreign.isEmpty()) {
                throw new BadUserRequestException("reviewRejectedMaterials names materials this filing does not attach: " + foreign);
            }
        }
    }
}
