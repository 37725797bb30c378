package io.icpflow.change;

import io.icpflow.filing.FilingFamily;
import io.icpflow.filing.FilingType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The filing types that {@link ChangeProcess} runs. */
@Configuration(proxyBeanMethods = false)
class ChangeFamily {

    @Bean
    FilingFamily changeTypes() {
        return new FilingFamily(ChangeProcess.KEY, Set.of(FilingType.CHANGE_SUBJECT, FilingType.CHANGE_WEBSITE, FilingType.CHANGE_APP));
    }
}
