package io.icpflow.transfer;

import io.icpflow.filing.DomainRegistrationChecks;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.providerstage.FilingChecks;
import io.icpflow.reference.DomainNames;
import io.icpflow.registry.DomainFacts;
import io.icpflow.registry.DomainFactsPort;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.IcpNumber;
import io.icpflow.rules.ApprovedSuffixes;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pre-checks of a transfer-in: every domain must be filed at MIIT under the number given, by the same
 * subject, through another provider (001, 002 §3, 003), and still be properly registered. Transferring
 * every domain of that number leaves the old provider's filing an empty shell: the applicant is told.
 */
@Component
class TransferChecks implements FilingChecks {

    private final DomainFactsPort domainFacts;
    private final FilingRegistry registry;
    private final DomainNames domainNames;
    private final DomainRegistrationChecks registration;
    private final ApprovedSuffixes suffixes;

    TransferChecks(DomainFactsPort domainFacts, FilingRegistry registry, DomainNames domainNames,
                   DomainRegistrationChecks registration, ApprovedSuffixes suffixes) {
        this.domainFacts = domainFacts;
        this.registry = registry;
        this.domainNames = domainNames;
        this.registration = registration;
        this.suffixes = suffixes;
    }

    @Override
    public boolean appliesTo(FilingType type) {
        return type == FilingType.TRANSFER;
    }

    @Override
    public Result run(Filing filing, LocalDate today) {
        Subject subject = filing.application().subject();
        String subjectNumber = IcpNumber.subjectNumberOf(filing.application().icpNumber());
        List<Reason> failures = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        registry.findSubject(subject.idNumber())
                .filter(known -> !known.owner().equals(filing.owner()))
                .ifPresent(known -> failures.add(new Reason(ReasonCode.SUBJECT_EXISTS_ELSEWHERE, "subject.idNumber", null)));
        Set<String> transferred = new HashSet<>();
        List<Website> websites = filing.application().websites();
        for (int i = 0; i < websites.size(); i++) {
            for (int j = 0; j < websites.get(i).domains().size(); j++) {
                String domain = websites.get(i).domains().get(j);
                String field = "websites[" + i + "].domains[" + j + "]";
                String shown = domainNames.toUnicode(domain);
                transferred.add(domain);
                int before = failures.size();
                DomainFacts facts = domainFacts.lookup(domain, subject.name());
                // a filing made before keeps a suffix closed to new filings since (.org since 2018)
                suffixes.refusal(domain, subject.province(), filing.rulesDay(), false)
                        .ifPresent(rule -> failures.add(new Reason(ReasonCode.TLD_NOT_APPROVED, field, shown, rule.id())));
                if (registry.findDomain(domain).isPresent() || facts.isFiledThroughUs() && facts.isFiled()) {
                    failures.add(new Reason(ReasonCode.ALREADY_FILED, field, shown));
                } else if (!facts.isFiled() || !IcpNumber.subjectNumberOf(facts.icpNumber()).equals(subjectNumber)) {
                    failures.add(new Reason(ReasonCode.TRANSFER_NOT_FOUND, field, shown));
                } else if (facts.icpHolder() != null && !facts.icpHolder().strip().equals(subject.name().strip())) {
                    failures.add(new Reason(ReasonCode.TRANSFER_SUBJECT_MISMATCH, field, shown));
                }
                registration.failures(domain, facts, subject.name(), today)
                        .forEach(code -> failures.add(new Reason(code, field, shown)));
                findings.add(failures.size() == before
                        ? shown + ": filed at MIIT as " + facts.icpNumber() + " through " + facts.accessProvider()
                        : shown + ": FAILED " + failures.subList(before, failures.size()).stream().map(r -> r.code().name()).toList());
            }
        }
        List<String> filedUnderNumber = domainFacts.domainsFiledUnder(subjectNumber);
        boolean everyDomain = !filedUnderNumber.isEmpty() && transferred.containsAll(filedUnderNumber);
        List<Reason> notices = List.of(everyDomain
                ? new Reason(ReasonCode.EMPTY_SHELL_AFTER_TRANSFER, "icpNumber", subjectNumber)
                : new Reason(ReasonCode.PARTIAL_TRANSFER, "icpNumber", subjectNumber));
        findings.add((everyDomain ? "transfer of every domain of " : "partial transfer of ") + subjectNumber
                + " (MIIT lists " + filedUnderNumber.size() + " domain(s) under it)");
        return Result.of(failures, notices, findings, false);
    }
}
