package io.icpflow.verification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The verification port with the simulator off: the session's link is the service's
 * ({@code icp.verification.link-template}), and its result arrives on the endpoint only.
 */
@Component
@ConditionalOnProperty(name = "icp.verification.simulator.enabled", havingValue = "false")
class ConfiguredLinkVerification implements VerificationPort {

    private final VerificationProperties properties;

    ConfiguredLinkVerification(VerificationProperties properties) {
        this.properties = properties;
    }

    @Override
    public String open(SessionRequest request) {
        return properties.link(request.sessionId());
    }
}
