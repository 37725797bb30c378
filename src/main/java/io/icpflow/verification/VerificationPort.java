package io.icpflow.verification;

import java.time.OffsetDateTime;

/**
 * The verification service (face and ID liveness, MIIT's electronic verification since 信管函〔2019〕87号):
 * it opens a session for one principal and later posts the result to {@code POST /api/verification/results}.
 */
public interface VerificationPort {

    /** Opens a session; answers the link the principal opens on their phone. */
    String open(SessionRequest request);

    /**
     * @param who        the principal's role (SUBJECT_PRINCIPAL, WEBSITE_PRINCIPAL)
     * @param personName the name the service checks the face and ID card against
     */
    record SessionRequest(String sessionId, String filingId, String who, String personName, OffsetDateTime expiresAt) {
    }
}
