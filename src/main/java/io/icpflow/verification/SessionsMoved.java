package io.icpflow.verification;

/**
 * {@code sessions} of one application moved from one outcome to another ({@code from} null: opened),
 * published inside the transaction that moved them.
 */
public record SessionsMoved(String filingId, Outcome from, Outcome to, int sessions) {

    /** A session as the analytics count it: still open, decided either way, or closed without a result. */
    public enum Outcome {
        OPEN, PASSED, FAILED, UNANSWERED;

        /** The outcome of a session in this status, closed or not (a decided session is closed too). */
        public static Outcome of(VerificationSession.Status status, boolean closed) {
            return switch (status) {
                case PASSED -> PASSED;
                case FAILED -> FAILED;
                case PENDING -> closed ? UNANSWERED : OPEN;
            };
        }
    }
}
