package io.icpflow.syncwait;

import io.icpflow.security.Groups;
import io.icpflow.security.TaskReaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reads the tasks of this feature's process (security.DefaultAuthorizations). */
@Configuration(proxyBeanMethods = false)
class SyncWaitTeams {

    @Bean
    TaskReaders opsReadTheSyncWait() {
        return new TaskReaders(Groups.OPS, SyncWaitProcess.KEY);
    }
}
