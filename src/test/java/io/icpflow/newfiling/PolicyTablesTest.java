package io.icpflow.newfiling;

import io.icpflow.filing.ReasonCode;

import io.icpflow.EngineTest;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;


import static org.assertj.core.api.Assertions.assertThat;

/** The DMN table of bpmn/filing-need.dmn, row by row. */
@EngineTest
@ExcludeFromProcessCoverage // starts no process
class PolicyTablesTest {

    @Autowired NewFilingPolicy policy;

    @ParameterizedTest(name = "{0}, sub-domain of a filed domain {1} → required {2} ({3})")
    @CsvSource({
            "MAINLAND,  false, true,  ",
            "HONG_KONG, false, false, SERVER_OUTSIDE_MAINLAND",
            "MACAU,     false, false, SERVER_OUTSIDE_MAINLAND",
            "TAIWAN,    false, false, SERVER_OUTSIDE_MAINLAND",
            "OVERSEAS,  false, false, SERVER_OUTSIDE_MAINLAND",
            "MAINLAND,  true,  false, SUBDOMAIN_OF_FILED_DOMAIN",
            "OVERSEAS,  true,  false, SUBDOMAIN_OF_FILED_DOMAIN"
    })
    void filingNeed(String area, boolean subdomainOfFiled, boolean required, ReasonCode reason) {
        NewFilingPolicy.Need need = policy.need(area, subdomainOfFiled);
        assertThat(need.required()).isEqualTo(required);
        assertThat(need.reason()).isEqualTo(reason);
    }
}
