package io.icpflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoUsers create the demo users of API.md (password = user name); off in {@code prod}
 */
@ConfigurationProperties("icp.security")
public record SecurityProperties(@DefaultValue("true") boolean demoUsers) {
}
