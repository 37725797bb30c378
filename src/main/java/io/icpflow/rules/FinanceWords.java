package io.icpflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** Whether a website's or app's name is a finance service's, by the table {@code finance-words} in force. */
@Component
public class FinanceWords {

    private final RuleBook rules;

    public FinanceWords(RuleBook rules) {
        this.rules = rules;
    }

    /** The row whose word the name contains, if any (the name then needs the FINANCE pre-approval category). */
    public Optional<Rule> match(String name, String province, LocalDate on) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return rules.allInForce(RuleTables.FINANCE_WORDS, province, on).stream()
                .filter(rule -> {
                    for (JsonNode word : rule.value().path("words")) {
                        if (lower.contains(word.asText().toLowerCase(Locale.ROOT))) {
                            return true;
                        }
                    }
                    return false;
                })
                .findFirst();
    }
}
