package io.icpflow.verification;

import java.time.OffsetDateTime;

/**
 * One principal's verification attempt.
 *
 * @param round  which wait of the application it belongs to (a resubmission waits again: the next round)
 * @param closed    no result applies any more: decided, superseded by a renewal, or its wait is over
 * @param reason    the service's reason for a failure
 * @param decidedAt when the result arrived; null while PENDING
 */
public record VerificationSession(String id, String filingId, int round, String who, String url, OffsetDateTime openedAt,
                                  OffsetDateTime expiresAt, Status status, boolean closed, String reason, OffsetDateTime decidedAt) {

    public enum Status { PENDING, PASSED, FAILED }

    /** The session as a result decided it (what {@code VerificationSessions.decide} wrote). */
    VerificationSession decided(boolean passed, String failure, OffsetDateTime at) {
        return new VerificationSession(id, filingId, round, who, url, openedAt, expiresAt, passed ? Status.PASSED : Status.FAILED, true,
                failure, at);
    }

    /** Why a result for it would not apply now, or null: it takes one. */
    public String closedBecause(OffsetDateTime now) {
        if (status != Status.PENDING) {
            return "session " + id + " was decided already: " + status;
        }
        if (closed) {
            return "session " + id + " is closed: a newer session replaced it or the application no longer waits for verification";
        }
        if (!now.isBefore(expiresAt)) {
            return "session " + id + " expired at " + expiresAt;
        }
        return null;
    }
}
