package io.icpflow.regulatorreview;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.rules.Rule;
import io.icpflow.rules.RuleBook;
import io.icpflow.rules.RuleTables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom MIIT texts for a filing, by its SMS rules in force (rules/sms-verification.json) in the subject's
 * province on the day it was (re)submitted: a type with no principals there (cancel-access) is not
 * verified by SMS ({@code ${smsRules.required(execution)}} in bpmn/regulator-review.bpmn).
 */
@Component
public class SmsRules {

    private final RuleBook rules;
    private final FilingRepository filings;

    SmsRules(RuleBook rules, FilingRepository filings) {
        this.rules = rules;
        this.filings = filings;
    }

    public boolean required(DelegateExecution execution) {
        return !principals(filings.get(execution.getProcessBusinessKey())).isEmpty();
    }

    /** SUBJECT_PRINCIPAL and/or WEBSITE_PRINCIPAL, as the row in force names them for the type. */
    public List<String> principals(Filing filing) {
        List<String> principals = new ArrayList<>();
        rule(filing).ifPresent(rule -> {
            for (JsonNode who : rule.value().path("principals").path(filing.type().name())) {
                principals.add(who.asText());
            }
        });
        return principals;
    }

    public Optional<Rule> rule(Filing filing) {
        return rules.inForce(RuleTables.SMS_VERIFICATION, filing.application().subject().province(), filing.rulesDay());
    }
}
