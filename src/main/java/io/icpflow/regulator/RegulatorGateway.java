package io.icpflow.regulator;

import java.util.List;

/**
 * The communications administration and MIIT, seen from the provider: submissions go out here;
 * decisions and notices come back through {@link NoticeInbox} (the webhook).
 */
public interface RegulatorGateway {

    /** Hands a filing to the CA. Throws when the CA cannot be reached: the job retries, then an incident. */
    void submit(Submission submission);

    /** Asks MIIT to text the principals a new code (the old one stops working); the 24 hours run on. */
    void resendSmsCode(String filingId, List<String> principals);

    /** Has MIIT's approval of this filing reached our filing system yet? (the sync-wait's poll) */
    boolean isSynced(String filingId);
}
