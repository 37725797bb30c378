package io.icpflow.providerstage;


import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A review completes only with a decision the process knows, and a return only with reasons the
 * applicant can act on (API.md: {@code reviewReasons} with {@code RETURN}). Anything else is refused
 * (Camunda wraps the refusal as ENGINE-03051: an error with this message in /engine-rest and in
 * Tasklist) and the task stays open.
 */
@Component
class ReviewDecisionCheck implements TaskListener {

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
    }
}
