package io.icpflow.newfiling;

import io.icpflow.filing.FilingFamily;
import io.icpflow.filing.FilingType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The filing types that {@link NewFilingProcess} runs. */
@Configuration(proxyBeanMethods = false)
class NewFilingFamily {

    @Bean
    FilingFamily newFilingTypes() {
        return new FilingFamily(NewFilingProcess.KEY, Set.of(FilingType.NEW_FILING, FilingType.NEW_WEBSITE));
    }
}
