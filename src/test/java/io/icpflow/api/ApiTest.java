package io.icpflow.api;

import io.icpflow.TestResources;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shared-context integration suite: the whole app on a random port, driven over HTTP exactly as
 * API.md describes, with the regulator's simulator off (the webhook drives decisions), the verification
 * simulator on, the job executor on and
 * a real SMTP server (GreenMail). All classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "icp.regulator.simulator.enabled=false",
        "icp.registry.fixture=src/test/resources/fixtures/domains.json",
        "spring.mail.port=" + ApiTestConfiguration.SMTP_PORT,
        "icp.resolution.fixture=" + ApiTestConfiguration.RESOLUTION_FIXTURE,
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        // Spring Boot switches metrics export off in tests; the operations scrape is under test
        "management.prometheus.metrics.export.enabled=true",
        "icp.metrics.refresh=PT0.5S",
        // the suite files hundreds of applications a minute; the limits have their own test (RateLimitsTest)
        "icp.limits.enabled=false",
        // the demo's verification service, quick: a filing passes as in the demo, only faster; the
        // principals named here are left to the endpoint or failed, for the tests of those paths
        "icp.verification.simulator.delay=PT0.1S",
        "icp.verification.simulator.tick=PT0.1S",
        "icp.verification.simulator.unanswered=" + ApiTest.UNANSWERED,
        "icp.verification.simulator.failures[" + ApiTest.FAILING + "]=" + ApiTest.FAILING_REASON
})
@Import({ApiTestConfiguration.class, ApiDriver.class})
@ContextConfiguration(initializers = TestResources.class)
public @interface ApiTest {

    /** A principal whose sessions only the endpoint decides. */
    String UNANSWERED = "ShouDong";
    /** A principal whose every session the simulator fails, with {@link #FAILING_REASON}. */
    String FAILING = "ShiBai";
    String FAILING_REASON = "face does not match the ID card";
}
