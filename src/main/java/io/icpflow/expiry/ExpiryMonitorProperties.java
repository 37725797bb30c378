package io.icpflow.expiry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cycle when the expired-domain monitor runs: a Camunda timer cycle, by default every day at
 *              02:00 server time
 */
@ConfigurationProperties("icp.expiry-monitor")
public record ExpiryMonitorProperties(@DefaultValue("0 0 2 * * ?") String cycle) {
}
