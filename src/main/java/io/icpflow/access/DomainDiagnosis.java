package io.icpflow.access;

import io.icpflow.calendar.EngineClock;
import io.icpflow.filing.DomainRegistrationChecks;
import io.icpflow.filing.FilingRepository;
import io.icpflow.reference.DomainNames;
import io.icpflow.registry.IcpNumber;
import io.icpflow.registry.DomainFacts;
import io.icpflow.registry.DomainFactsPort;
import io.icpflow.registry.FilingRegistry;
import io.icpflow.registry.FilingRegistry.RegisteredDomain;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Filed, but the site does not resolve" (001): what the registries, MIIT and our filing system say
 * about a domain, as findings with advice. {@code OK} alone when nothing is wrong.
 */
@Service
public class DomainDiagnosis {

    public enum Code {
        NOT_FILED, FILED_WITH_OTHER_PROVIDER, NOT_SYNCED, RESOLUTION_SUSPENDED, IDENTITY_VERIFICATION_OVERDUE, OK,
        /** Filed at MIIT under a mini program's or quick app's number (…号-nX, -nK): its platform filed it, not as a website. */
        FILED_BY_PLATFORM
    }

    public record Finding(Code code, String message, String advice) {
    }

    public record Diagnosis(String domain, List<Finding> findings) {
    }

    private final FilingRegistry registry;
    private final FilingRepository filings;
    private final DomainFactsPort domainFacts;
    private final DomainNames domainNames;
    private final MessageSource messages;
    private final DomainRegistrationChecks registration;

    DomainDiagnosis(FilingRegistry registry, FilingRepository filings, DomainFactsPort domainFacts, DomainNames domainNames,
                    MessageSource messages, DomainRegistrationChecks registration) {
        this.registration = registration;
        this.registry = registry;
        this.filings = filings;
        this.domainFacts = domainFacts;
        this.domainNames = domainNames;
        this.messages = messages;
    }

    /**
     * Empty only when the domain is filed through us under another customer's account: that filing is
     * theirs to see. Any other domain is diagnosed from what MIIT and the registries publish about it,
     * so "not filed" and "filed with another provider" answer the applicant who has not filed yet.
     */
    public Optional<Diagnosis> diagnose(String owner, String asciiDomain, Locale locale) {
        String domain = domainNames.registrableDomain(asciiDomain);
        Optional<RegisteredDomain> ours = registry.findDomain(domain);
        if (ours.isPresent() && !ours.get().owner().equals(owner) && !filings.ownerNamesDomain(owner, domain)) {
            return Optional.empty();
        }
        DomainFacts facts = domainFacts.lookup(domain, null);
        LocalDate today = EngineClock.todayInChina();
        List<Code> codes = new ArrayList<>();
        if (ours.isEmpty()) {
            boolean byPlatform = IcpNumber.parse(facts.icpNumber()).filter(n -> n.kind().isFiledByPlatform()).isPresent();
            if (facts.isFiled() && byPlatform) {
                codes.add(Code.FILED_BY_PLATFORM);
            } else if (facts.isFiled() && !facts.isFiledThroughUs()) {
                codes.add(Code.FILED_WITH_OTHER_PROVIDER);
            } else if (!facts.isFiled()) {
                codes.add(Code.NOT_FILED);
            }
        } else if (!ours.get().synced()) {
            codes.add(Code.NOT_SYNCED);
        }
        if (facts.resolutionSuspended()) {
            codes.add(Code.RESOLUTION_SUSPENDED);
        }
        if (registration.identityVerificationOverdue(domain, facts, today)) {
            codes.add(Code.IDENTITY_VERIFICATION_OVERDUE);
        }
        if (codes.isEmpty()) {
            codes.add(Code.OK);
        }
        String shown = domainNames.toUnicode(domain);
        return Optional.of(new Diagnosis(domain, codes.stream()
                .map(code -> new Finding(code,
                        messages.getMessage("diagnosis." + code + ".message", new Object[]{shown, String.valueOf(facts.icpNumber())}, locale),
                        messages.getMessage("diagnosis." + code + ".advice", new Object[]{shown, String.valueOf(facts.icpNumber())}, locale)))
                .toList()));
    }
}
