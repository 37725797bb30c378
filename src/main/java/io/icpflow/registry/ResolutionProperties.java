package io.icpflow.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fixture path of {@code [{"domain": "...", "pointsToUs": false}]}; empty or absent: every domain points to us
 */
@ConfigurationProperties("icp.resolution")
public record ResolutionProperties(@DefaultValue("") String fixture) {
}
