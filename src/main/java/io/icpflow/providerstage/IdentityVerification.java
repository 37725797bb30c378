package io.icpflow.providerstage;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.FilingView;
import io.icpflow.filing.IdentityVerificationRules;
import io.icpflow.verification.VerificationDecided;
import io.icpflow.verification.VerificationSession;
import io.icpflow.verification.VerificationSessions;
import io.icpflow.verification.VerificationSessions.Principal;
import io.icpflow.verification.VerificationSessions.Round;
import io.icpflow.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The stage's wait for the principals' electronic identity verification ({@code ${identityVerification.…}}
 * in the BPMN): who verifies (rules/identity-verification.json in force for the filing), a round of
 * sessions on entry, new sessions on the applicant's request, and the end of the wait when every
 * principal has passed or the round has failed as often as the rules allow.
 */
@Component
public class IdentityVerification implements VerificationDecided {

    private static final Logger log = LoggerFactory.getLogger(IdentityVerification.class);

    private final FilingRepository filings;
    private final FilingService service;
    private final IdentityVerificationRules rules;
    private final VerificationSessions sessions;
    private final RuntimeService runtime;

    IdentityVerification(FilingRepository filings, FilingService service, IdentityVerificationRules rules,
                         VerificationSessions sessions, RuntimeService runtime) {
        this.filings = filings;
        this.service = service;
        this.rules = rules;
        this.sessions = sessions;
        this.runtime = runtime;
    }

    /** Does the filing's type verify anyone (not the cancellations)? */
    public boolean isNeeded(DelegateExecution execution) {
        return !principals(filings.get(execution.getProcessBusinessKey())).isEmpty();
    }

    /** A new round: a session for each principal. */
    public void open(DelegateExecution execution) {
        Filing filing = filings.get(execution.getProcessBusinessKey());
        sessions.openRound(filing.id(), principals(filing), rules.sessionLife(province(filing), filing.rulesDay()));
    }

    /** The wait is over (verified, failed, withdrawn or closed): no result applies to its sessions any more. */
    public void close(DelegateExecution execution) {
        sessions.close(execution.getProcessBusinessKey());
    }

    /** {@code POST /api/filings/{id}/verification}: new sessions for the principals who have not passed. */
    @Transactional
    public FilingView renew(String owner, String filingId) {
        // first the lock, then the status: a wait ending meanwhile (third failure, withdrawal, day 45) is seen
        sessions.hold(filingId);
        FilingView view = service.get(owner, filingId);
        if (view.status() != FilingStatus.IDENTITY_VERIFICATION) {
            throw ApiException.conflict("NOT_AWAITING_VERIFICATION",
                    "New verification sessions can be opened only while the application waits for identity verification; this one is "
                            + view.status());
        }
        Filing filing = filings.get(filingId);
        sessions.renew(filingId, principals(filing), rules.sessionLife(province(filing), filing.rulesDay()));
        return service.get(owner, filingId);
    }

    @Override
    public void decided(VerificationSession session) {
        Filing filing = filings.get(session.filingId());
        Round round = sessions.round(filing.id());
        if (round.failures() >= rules.failuresBeforeReturn(province(filing), filing.rulesDay())) {
            end(filing.id(), ProviderStageProcess.VerificationOutcome.FAILED,
                    round.failures() + " failures; " + sessions.failureReasons(filing.id()));
        } else if (round.allPassed()) {
            end(filing.id(), ProviderStageProcess.VerificationOutcome.PASSED, null);
        }
    }

    private void end(String filingId, ProviderStageProcess.VerificationOutcome outcome, String failures) {
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(filingId)
                .messageEventSubscriptionName(ProviderStageProcess.Messages.VERIFICATION_ENDED).count() > 0;
        if (!waiting) {
            // cannot happen while sessions close with their wait under the same lock; if it does, the result
            // stays recorded and operations should know that the filing did not move
            log.warn("Verification of filing {} ended ({}) but no wait takes it", filingId, outcome);
            return;
        }
        runtime.createMessageCorrelation(ProviderStageProcess.Messages.VERIFICATION_ENDED)
                .processInstanceBusinessKey(filingId)
                .setVariable(ProviderStageProcess.VERIFICATION_OUTCOME.name(), outcome.name())
                .setVariable(ProviderStageProcess.VERIFICATION_FAILURES.name(), failures)
                .correlateWithResult();
    }

    private List<Principal> principals(Filing filing) {
        String name = filing.application().subject().contact().name();
        return rules.principals(filing.type(), province(filing), filing.rulesDay()).stream().map(who -> new Principal(who, name)).toList();
    }

    private static String province(Filing filing) {
        return filing.application().subject().province();
    }
}
