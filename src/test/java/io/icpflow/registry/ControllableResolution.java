package io.icpflow.registry;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The fixture resolution adapter, with a switch for what only DNS could change: a domain pointing elsewhere. */
public class ControllableResolution implements ResolutionPort {

    private final ResolutionPort real;
    private final Set<String> elsewhere = ConcurrentHashMap.newKeySet();

    ControllableResolution(ResolutionPort real) {
        this.real = real;
    }

    public void pointElsewhere(String domain) {
        elsewhere.add(domain);
    }

    public void pointBack(String domain) {
        elsewhere.remove(domain);
    }

    @Override
    public boolean pointsToUs(String domain) {
        return !elsewhere.contains(domain) && real.pointsToUs(domain);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        ControllableResolution controllableResolution(FixtureResolution real) {
            return new ControllableResolution(real);
        }
    }
}
