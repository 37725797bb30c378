package io.icpflow.regulator;

/**
 * The communications administration and MIIT, seen from the provider: submissions go out here;
 * decisions and notices come back through {@link NoticeInbox} (the webhook).
 */
public interface RegulatorGateway {

    /** Hands a filing to the CA. Throws when the CA cannot be reached: the job retries, then an incident. */
    void submit(Submission submission);

    /** Has MIIT's approval of this filing reached our filing system yet? (the sync-wait's poll) */
    boolean isSynced(String filingId);
}
