package io.icpflow.verification;

/** What the verification service posts (API.md): {@code passed} false with the service's {@code reason}. */
public record VerificationResult(String resultId, String sessionId, Boolean passed, String reason) {
}
