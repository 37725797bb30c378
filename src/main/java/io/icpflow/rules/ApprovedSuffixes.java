package io.icpflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.reference.DomainNames;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Whether a domain's suffix may be filed, by the table {@code approved-suffixes} in force. */
@Component
public class ApprovedSuffixes {

    private final RuleBook rules;
    private final DomainNames domainNames;

    public ApprovedSuffixes(RuleBook rules, DomainNames domainNames) {
        this.rules = rules;
        this.domainNames = domainNames;
    }

    /**
     * The rule that refuses the domain (ASCII), or empty when its suffix may be filed. {@code newFiling}
     * false: a filing made before (a transfer, a change) keeps a suffix that new filings may no longer use.
     */
    public Optional<Rule> refusal(String asciiDomain, String province, LocalDate on, boolean newFiling) {
        String suffix = domainNames.publicSuffix(asciiDomain);
        List<Rule> lists = rules.allInForce(RuleTables.APPROVED_SUFFIXES, province, on);
        List<Rule> listing = lists.stream().filter(rule -> lists(rule, suffix)).toList();
        if (listing.isEmpty()) {
            // on no list: the refusing rule is the list itself, the first row of it in force
            return lists.stream().findFirst().or(() -> Optional.of(rules.table(RuleTables.APPROVED_SUFFIXES).rows().get(0)));
        }
        if (!newFiling || listing.stream().anyMatch(rule -> rule.value().path("newFilings").asBoolean())) {
            return Optional.empty();
        }
        return Optional.of(listing.get(0));
    }

    private boolean lists(Rule rule, String asciiSuffix) {
        for (JsonNode listed : rule.value().path("suffixes")) {
            if (domainNames.suffixToAscii(listed.asText()).filter(asciiSuffix::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
