package io.icpflow.providerstage;

import io.icpflow.security.Groups;
import io.icpflow.security.TaskReaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reads the tasks of this stage (security.DefaultAuthorizations). */
@Configuration(proxyBeanMethods = false)
class ProviderStageTeams {

    /** Reviewers read the provider stage, its overdue-review escalations too (read-only: those are ops' to work). */
    @Bean
    TaskReaders reviewersReadTheProviderStage() {
        return new TaskReaders(Groups.REVIEWERS, ProviderStageProcess.KEY);
    }
}
