package io.icpflow.cancellation;

import io.icpflow.filing.FilingFamily;
import io.icpflow.filing.FilingType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The filing types that {@link CancellationProcess} runs. */
@Configuration(proxyBeanMethods = false)
class CancellationFamily {

    @Bean
    FilingFamily cancellationTypes() {
        return new FilingFamily(CancellationProcess.KEY, Set.of(FilingType.CANCEL_SUBJECT, FilingType.CANCEL_WEBSITE, FilingType.CANCEL_ACCESS,
                FilingType.CANCEL_APP));
    }
}
