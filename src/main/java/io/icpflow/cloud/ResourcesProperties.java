package io.icpflow.cloud;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code icp.resources.*}.
 *
 * @param fixture                path of a resources JSON file (API.md {@code --icp.resources.fixture}); empty: none
 * @param demo                   without a fixture, every applicant gets eligible demo ECS instances (off in prod)
 * @param demoInstances          how many (API.md: two, one in cn-hangzhou and one in cn-shanghai); the benchmark asks for more
 */
@ConfigurationProperties("icp.resources")
public record ResourcesProperties(@DefaultValue("") String fixture, @DefaultValue("true") boolean demo,
                                  @DefaultValue("2") int demoInstances) {
}
