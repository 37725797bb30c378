package io.icpflow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class EngineTestConfiguration {

    public static final int SMTP_PORT = 3025;

    /** A real SMTP server for the engine tests; tests stop and start it to simulate an outage. */
    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Reports per test class; the 90% gate joins them over the whole suite (CoverageGate, run by Maven). */
    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
        return ProcessEngineCoverageProperties.builder().build();
    }
}
