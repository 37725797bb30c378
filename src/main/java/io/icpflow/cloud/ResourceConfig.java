package io.icpflow.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** Which inventory backs the resource port: the fixture when one is named, else the demo's, else none. */
@Configuration(proxyBeanMethods = false)
class ResourceConfig {

    @Bean
    ResourcePort resourcePort(ResourcesProperties properties, ObjectMapper json) {
        if (!properties.fixture().isBlank()) {
            return new FixtureResources(Path.of(properties.fixture()), json);
        }
        return properties.demo() ? new DemoResources(properties.demoInstances()) : new NoResources();
    }
}
