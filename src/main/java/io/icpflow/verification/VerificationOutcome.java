package io.icpflow.verification;

/**
 * What became of a result: {@code APPLIED} (202), {@code DUPLICATE} (200, nothing done twice),
 * {@code UNKNOWN_SESSION} and {@code SESSION_CLOSED} (409, kept for inspection).
 */
public record VerificationOutcome(String resultId, Result outcome, String sessionId, String filingId, String detail) {

    public enum Result { APPLIED, DUPLICATE, UNKNOWN_SESSION, SESSION_CLOSED }
}
