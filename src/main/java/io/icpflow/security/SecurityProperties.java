package io.icpflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param demoUsers               create the demo users of API.md (password = user name); off in {@code prod}
 * @param authenticationCacheTtl  how long a checked user name and password (hashed) with its groups is
 *                                trusted without asking the identity service again; {@code 0} turns it off.
 *                                A password change, lock or group change in Admin takes effect within it.
 * @param runtimeDeployment       deployments through the engine API and Cockpit; off in {@code prod},
 *                                where processes come with the release (a deployment runs code on the server)
 */
@ConfigurationProperties("icp.security")
public record SecurityProperties(@DefaultValue("true") boolean demoUsers,
                                 @DefaultValue("30s") Duration authenticationCacheTtl,
                                 @DefaultValue("true") boolean runtimeDeployment) {
}
