package io.icpflow;

import io.icpflow.registry.ControllableResolution;
import io.icpflow.regulator.ControllableRegulator;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Engine tests: the real engine, delegates, tables and SMTP (GreenMail), a mock servlet environment (no port) and no job
 * executor, so that a test moves the process by executing its jobs, never by waiting. All classes
 * with this annotation share one Spring context; {@link EngineTestExtension} binds camunda-bpm-assert to it and
 * resets the engine clock after each test. Their coverage reports feed the 90% BPMN gate (CoverageGate).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:engine-tests;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false",
        "icp.regulator.simulator.enabled=false",
        "icp.verification.simulator.enabled=false",
        "icp.registry.fixture=src/test/resources/fixtures/domains.json",
        "spring.mail.port=" + EngineTestConfiguration.SMTP_PORT,
        "icp.mail.retry-cycle=R3/PT1M"
})
@Import({EngineTestConfiguration.class, ControllableRegulator.Config.class, ControllableResolution.Config.class, ProcessDriver.class,
        ProcessEngineCoverageConfiguration.class})
@ContextConfiguration(initializers = {TestDatabase.class, TestResources.class})
@ExtendWith(EngineTestExtension.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface EngineTest {
}
