package io.icpflow.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param linkTemplate the session's link at the verification service; {@code {sessionId}} is replaced
 * @param simulator    the demo's verification service
 */
@ConfigurationProperties("icp.verification")
public record VerificationProperties(
        @DefaultValue("https://verification.example.invalid/sessions/{sessionId}") String linkTemplate,
        @DefaultValue Simulator simulator) {

    public String link(String sessionId) {
        return linkTemplate.replace("{sessionId}", sessionId);
    }

    /**
     * @param enabled    false: only {@code POST /api/verification/results} decides sessions (API.md)
     * @param delay      from opening a session to its result
     * @param failures   a principal's name → the reason the simulator fails each of their sessions with
     * @param unanswered principals' names whose sessions the simulator leaves to the endpoint
     * @param tick       how often due results are delivered
     */
    public record Simulator(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT5S") Duration delay,
            @DefaultValue Map<String, String> failures,
            @DefaultValue List<String> unanswered,
            @DefaultValue("PT1S") Duration tick) {
    }
}
