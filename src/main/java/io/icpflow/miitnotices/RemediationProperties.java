package io.icpflow.miitnotices;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param windowBusinessDays        how long the applicant has to point the domain back or transfer
 * @param checkIntervalBusinessDays how often the resolution is checked (and the applicant reminded)
 */
@ConfigurationProperties("icp.remediation")
public record RemediationProperties(
        @DefaultValue("10") int windowBusinessDays,
        @DefaultValue("2") int checkIntervalBusinessDays) {
}
