package io.icpflow.rules;

import io.icpflow.reference.DomainNames;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Whether a domain's suffix may be filed, by the table {@code approved-suffixes} in force. */
@Component
public class ApprovedSuffixes {

    private final RuleBook rules;
    private final DomainNames domainNames;
    /** Each row's suffixes in the ASCII form {@link DomainNames#publicSuffix} returns, normalised once. */
    private final Map<String, Set<String>> asciiSuffixes = new HashMap<>();

    public ApprovedSuffixes(RuleBook rules, DomainNames domainNames) {
        this.rules = rules;
        this.domainNames = domainNames;
        for (Rule rule : rules.table(RuleTables.APPROVED_SUFFIXES).rows()) {
            Set<String> ascii = new HashSet<>();
            rule.value().path("suffixes").forEach(listed -> domainNames.suffixToAscii(listed.asText()).ifPresent(ascii::add));
            asciiSuffixes.put(rule.id(), Set.copyOf(ascii));
        }
    }

    /**
     * The rule that refuses the domain (ASCII), or empty when its suffix may be filed. {@code newFiling}
     * false: a filing made before (a transfer, a change) keeps a suffix that new filings may no longer use.
     */
    public Optional<Rule> refusal(String asciiDomain, String province, LocalDate on, boolean newFiling) {
        String suffix = domainNames.publicSuffix(asciiDomain);
        List<Rule> lists = rules.allInForce(RuleTables.APPROVED_SUFFIXES, province, on);
        List<Rule> listing = lists.stream().filter(rule -> asciiSuffixes.get(rule.id()).contains(suffix)).toList();
        if (listing.isEmpty()) {
            // on no list: the refusing rule is the list itself, the first row of it in force
            return lists.stream().findFirst().or(() -> Optional.of(rules.table(RuleTables.APPROVED_SUFFIXES).rows().get(0)));
        }
        if (!newFiling || listing.stream().anyMatch(rule -> rule.value().path("newFilings").asBoolean())) {
            return Optional.empty();
        }
        return Optional.of(listing.get(0));
    }
}
