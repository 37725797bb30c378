package io.icpflow.regulator;

import io.icpflow.security.Groups;
import io.icpflow.security.TaskReaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reads the tasks of this feature's processes (security.DefaultAuthorizations). */
@Configuration(proxyBeanMethods = false)
class RegulatorTeams {

    @Bean
    TaskReaders opsReadTheConflictingNotices() {
        return new TaskReaders(Groups.OPS, NoticeConflictProcess.KEY);
    }
}
