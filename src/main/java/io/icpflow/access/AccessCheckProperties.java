package io.icpflow.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retryInterval how long a product waits before checking a not-yet-synced domain again (000: 24 hours)
 * @param maxAttempts   checks before the case goes to {@code icp-ops}
 */
@ConfigurationProperties("icp.access-check")
public record AccessCheckProperties(
        @DefaultValue("PT24H") Duration retryInterval,
        @DefaultValue("3") int maxAttempts) {
}
