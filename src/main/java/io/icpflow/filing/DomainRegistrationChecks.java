package io.icpflow.filing;

import io.icpflow.reference.DomainNames;
import io.icpflow.registry.DomainFacts;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the domain registry must show before any filing of a domain (new or transferred): 001, 003.
 */
@Component
public class DomainRegistrationChecks {

    /** 001: .com and .net domains must be identity-verified within 5 days of registration. */
    private static final Set<String> IDENTITY_VERIFIED_SUFFIXES = Set.of("com", "net");
    private static final int IDENTITY_VERIFICATION_DAYS = 5;

    private final DomainNames domainNames;

    public DomainRegistrationChecks(DomainNames domainNames) {
        this.domainNames = domainNames;
    }

    public List<ReasonCode> failures(String domain, DomainFacts facts, String subjectName, LocalDate today) {
        List<ReasonCode> failures = new ArrayList<>();
        if (facts.registeredAbroad()) {
            failures.add(ReasonCode.DOMAIN_REGISTERED_ABROAD);
        }
        if (!facts.registrarApproved()) {
            failures.add(ReasonCode.REGISTRAR_NOT_APPROVED);
        }
        if (facts.isExpired(today)) {
            failures.add(ReasonCode.DOMAIN_EXPIRED);
        }
        if (!facts.realNameVerified()) {
            failures.add(ReasonCode.REAL_NAME_MISSING);
        }
        if (facts.holder() != null && !facts.holder().strip().equals(subjectName.strip())) {
            failures.add(ReasonCode.HOLDER_MISMATCH);
        }
        if (identityVerificationOverdue(domain, facts, today)) {
            failures.add(ReasonCode.IDENTITY_VERIFICATION_OVERDUE);
        }
        return failures;
    }

    /** 001: a .com or .net domain not identity-verified within 5 days of registration cannot be resolved. */
    public boolean identityVerificationOverdue(String domain, DomainFacts facts, LocalDate today) {
        return IDENTITY_VERIFIED_SUFFIXES.contains(domainNames.publicSuffix(domain))
                && !facts.identityVerified()
                && facts.registeredOn() != null
                && facts.registeredOn().plusDays(IDENTITY_VERIFICATION_DAYS).isBefore(today);
    }
}
