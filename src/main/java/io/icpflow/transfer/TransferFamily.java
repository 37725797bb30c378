package io.icpflow.transfer;

import io.icpflow.filing.FilingFamily;
import io.icpflow.filing.FilingType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The filing types that {@link TransferProcess} runs. */
@Configuration(proxyBeanMethods = false)
class TransferFamily {

    @Bean
    FilingFamily transferTypes() {
        return new FilingFamily(TransferProcess.KEY, Set.of(FilingType.TRANSFER));
    }
}
