package io.icpflow.regulator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real webhook-only regulator adapter, with two switches that only the outside world could
 * flip: the CA being unreachable, and MIIT having synced a filing (for the sync-wait's poll).
 */
public class ControllableRegulator implements RegulatorGateway {

    private final RegulatorGateway real;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final Set<String> synced = ConcurrentHashMap.newKeySet();

    ControllableRegulator(RegulatorGateway real) {
        this.real = real;
    }

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    public void markSynced(String filingId) {
        synced.add(filingId);
    }

    @Override
    public void submit(Submission submission) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("communications administration unreachable (test)");
        }
        real.submit(submission);
    }

    @Override
    public void resendSmsCode(String filingId, java.util.List<String> principals) {
        real.resendSmsCode(filingId, principals);
    }

    @Override
    public boolean isSynced(String filingId) {
        return synced.contains(filingId) || real.isSynced(filingId);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        ControllableRegulator controllableRegulator(WebhookOnlyRegulator real) {
            return new ControllableRegulator(real);
        }
    }
}
