package io.icpflow.filing;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.rules.Rule;
import io.icpflow.rules.RuleBook;
import io.icpflow.rules.RuleTables;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Who passes electronic identity verification for a filing type (rules/identity-verification.json in force): none for cancellations. */
@Component
public class IdentityVerificationRules {

    private final RuleBook rules;

    IdentityVerificationRules(RuleBook rules) {
        this.rules = rules;
    }

    public List<String> principals(FilingType type, String province, LocalDate day) {
        List<String> who = new ArrayList<>();
        for (JsonNode principal : rule(province, day).value().path("principals").path(type.name())) {
            who.add(principal.asText());
        }
        return who;
    }

    /** How long a verification session takes a result (sessionMinutes). */
    public Duration sessionLife(String province, LocalDate day) {
        return Duration.ofMinutes(rule(province, day).value().path("sessionMinutes").asInt(10));
    }

    /** The failure that returns the application (failuresBeforeReturn: the third). */
    public int failuresBeforeReturn(String province, LocalDate day) {
        return rule(province, day).value().path("failuresBeforeReturn").asInt(3);
    }

    public Rule rule(String province, LocalDate day) {
        return rules.required(RuleTables.IDENTITY_VERIFICATION, province, day);
    }
}
