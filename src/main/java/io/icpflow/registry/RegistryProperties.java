package io.icpflow.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fixture path of the domain-facts JSON file of API.md; empty: every domain is unremarkable
 */
@ConfigurationProperties("icp.registry")
public record RegistryProperties(@DefaultValue("") String fixture) {
}
