package io.icpflow.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * With {@code icp.security.runtime-deployment} off ({@code prod}), the engine takes no deployment
 * once it has started, however the request reaches it: a deployment runs code on the server
 * (a script, an expression, a timer start event). The processes of the release are deployed while
 * the engine starts, before this lock closes. The HTTP paths are refused in SecurityConfig too.
 */
@Component
class RuntimeDeploymentLock extends AbstractCamundaConfiguration {

    private final boolean allowed;
    private volatile boolean started;

    RuntimeDeploymentLock(SecurityProperties properties) {
        this.allowed = properties.runtimeDeployment();
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (started && !allowed && command instanceof DeployCmd) {
                    throw new AuthorizationException("Deployments at run time are off (icp.security.runtime-deployment=false)");
                }
                return next.execute(command);
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Closed once the app is up: the release's processes are deployed after the engine's own start-up hooks. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void close() {
        started = true;
    }
}
