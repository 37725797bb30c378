package io.icpflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

/**
 * The set-up every engine test shares ({@link EngineTest}): camunda-bpm-assert bound to the context's
 * engine before each test, and the engine clock back to real time after it, whatever the test moved.
 */
public class EngineTestExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }
}
