package io.icpflow.process;

import org.camunda.bpm.engine.spring.ApplicationContextElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * In a BPMN expression a name means the Spring bean of that name, never a process variable that
 * happens to share it. Camunda's Spring expression manager asks the variables first, so a variable
 * named {@code preChecks} (set by anyone who may write a variable) replaced the bean for every later
 * expression of that instance. Here the beans are asked first; the engine's own names
 * ({@code execution}, {@code task}, …) still come from the engine.
 */
@Component
class BeansBeforeVariables extends AbstractCamundaConfiguration {

    private final ApplicationContext context;

    BeansBeforeVariables(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setExpressionManager(new Manager(context));
    }

    static final class Manager extends SpringExpressionManager {

        Manager(ApplicationContext context) {
            super(context);
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolvers = new CompositeELResolver();
            resolvers.add(new BeansFirst(applicationContext));
            resolvers.add(new VariableScopeElResolver());
            resolvers.add(new VariableContextElResolver());
            resolvers.add(new MockElResolver());
            resolvers.add(new ArrayELResolver());
            resolvers.add(new ListELResolver());
            resolvers.add(new MapELResolver());
            resolvers.add(new BeanELResolver());
            return resolvers;
        }
    }

    /** The application context's beans, except for the names the engine itself puts into every expression. */
    static final class BeansFirst extends ApplicationContextElResolver {

        private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "externalTask",
                "authenticatedUserId", "variableScope", "variableContext");

        BeansFirst(ApplicationContext context) {
            super(context);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property != null && ENGINE_NAMES.contains(property.toString())) {
                return null;
            }
            return super.getValue(context, base, property);
        }
    }
}
