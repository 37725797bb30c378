package io.icpflow.regulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The regulator port with the simulator off: submissions are logged for the regulator's gateway to
 * collect, and everything that comes back arrives through the webhook only (API.md). It never
 * reports a sync by itself: the {@code FILING_SYNCED} notice does.
 */
@Component
@ConditionalOnProperty(name = "icp.regulator.simulator.enabled", havingValue = "false")
class WebhookOnlyRegulator implements RegulatorGateway {

    private final RegulatorSubmissions submissions;

    WebhookOnlyRegulator(RegulatorSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public void submit(Submission submission) {
        submissions.record(submission);
    }

    @Override
    public void resendSmsCode(String filingId, List<String> principals) {
        submissions.smsResendRequested(filingId, principals);
    }

    @Override
    public boolean isSynced(String filingId) {
        return false;
    }
}
