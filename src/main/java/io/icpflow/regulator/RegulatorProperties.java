package io.icpflow.regulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * @param syncPollInterval how often the sync wait asks the regulator whether MIIT's result has arrived
 * @param simulator        the simulated CA/MIIT of the demo
 */
@ConfigurationProperties("icp.regulator")
public record RegulatorProperties(
        @DefaultValue("PT1H") Duration syncPollInterval,
        @DefaultValue Simulator simulator) {

    /**
     * @param enabled       false: no simulated decisions or sync, only the webhook drives filings (API.md)
     * @param smsDelay      from submission to the applicant's SMS verification
     * @param decisionDelay from SMS verification to the CA's decision
     * @param syncDelay     from the decision to MIIT's result reaching us
     * @param rejections    domain → the CA's reason for rejecting any filing that contains it
     * @param tick          how often due simulated notices are delivered
     */
    public record Simulator(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT20S") Duration smsDelay,
            @DefaultValue("PT40S") Duration decisionDelay,
            @DefaultValue("PT30S") Duration syncDelay,
            @DefaultValue Map<String, String> rejections,
            @DefaultValue("PT2S") Duration tick) {
    }
}
