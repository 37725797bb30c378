package io.icpflow.regulatorreview;

import io.icpflow.security.Groups;
import io.icpflow.security.TaskReaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reads the tasks of this stage (security.DefaultAuthorizations). */
@Configuration(proxyBeanMethods = false)
class RegulatorReviewTeams {

    @Bean
    TaskReaders opsReadTheRegulatorReview() {
        return new TaskReaders(Groups.OPS, RegulatorReviewProcess.KEY);
    }
}
