package io.icpflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code icp.limits.*}: how many requests one account may make on each route an account could flood,
 * as a bucket of {@code capacity} refilled in full every {@code period}. Off with {@code icp.limits.enabled=false}.
 */
@ConfigurationProperties("icp.limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue Limit filings, @DefaultValue Limit uploads,
                                  @DefaultValue Limit accessChecks, @DefaultValue Limit serviceNumbers) {

    /** {@code capacity} requests per {@code period}, refilled gradually. */
    public record Limit(@DefaultValue("20") int capacity, @DefaultValue("PT1M") Duration period) {
    }
}
