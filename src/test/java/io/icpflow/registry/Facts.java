package io.icpflow.registry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain-facts port for unit tests of the pre-checks: every domain is the unremarkable case of
 * API.md unless a test says otherwise ({@link #with}), as the fixture adapter does for a file.
 */
public final class Facts implements DomainFactsPort {

    private final LocalDate today;
    private final Map<String, DomainFacts> known = new HashMap<>();
    private final Map<String, List<String>> filedUnder = new HashMap<>();

    public Facts(LocalDate today) {
        this.today = today;
    }

    /** One domain's facts, starting from the unremarkable case held by {@code holder}. */
    public Builder with(String domain, String holder) {
        return new Builder(DomainFacts.unremarkable(domain, holder, today));
    }

    public Facts filedUnder(String subjectNumber, String... domains) {
        filedUnder.put(subjectNumber, List.of(domains));
        return this;
    }

    @Override
    public DomainFacts lookup(String domain, String applyingSubject) {
        return known.getOrDefault(domain, DomainFacts.unremarkable(domain, applyingSubject, today));
    }

    @Override
    public List<String> domainsFiledUnder(String subjectNumber) {
        return filedUnder.getOrDefault(subjectNumber, List.of());
    }

    public final class Builder {
        private DomainFacts f;

        private Builder(DomainFacts start) {
            this.f = start;
        }

        public Builder expiresOn(LocalDate day) {
            f = new DomainFacts(f.domain(), f.registrar(), f.registrarApproved(), f.registeredAbroad(), f.registeredOn(), day,
                    f.realNameVerified(), f.realNameRecordedOn(), f.identityVerified(), f.holder(), f.icpNumber(), f.icpHolder(),
                    f.accessProvider(), f.resolutionSuspended());
            return this;
        }

        public Builder registeredAbroad() {
            f = new DomainFacts(f.domain(), f.registrar(), f.registrarApproved(), true, f.registeredOn(), f.expiresOn(),
                    f.realNameVerified(), f.realNameRecordedOn(), f.identityVerified(), f.holder(), f.icpNumber(), f.icpHolder(),
                    f.accessProvider(), f.resolutionSuspended());
            return this;
        }

        public Builder realName(boolean verified, LocalDate recordedOn) {
            f = new DomainFacts(f.domain(), f.registrar(), f.registrarApproved(), f.registeredAbroad(), f.registeredOn(), f.expiresOn(),
                    verified, recordedOn, f.identityVerified(), f.holder(), f.icpNumber(), f.icpHolder(),
                    f.accessProvider(), f.resolutionSuspended());
            return this;
        }

        public Builder identityUnverifiedSince(LocalDate registeredOn) {
            f = new DomainFacts(f.domain(), f.registrar(), f.registrarApproved(), f.registeredAbroad(), registeredOn, f.expiresOn(),
                    f.realNameVerified(), f.realNameRecordedOn(), false, f.holder(), f.icpNumber(), f.icpHolder(),
                    f.accessProvider(), f.resolutionSuspended());
            return this;
        }

        /** Filed at MIIT under {@code icpNumber} by {@code icpHolder} through {@code accessProvider} (null: us). */
        public Builder filed(String icpNumber, String icpHolder, String accessProvider) {
            f = new DomainFacts(f.domain(), f.registrar(), f.registrarApproved(), f.registeredAbroad(), f.registeredOn(), f.expiresOn(),
                    f.realNameVerified(), f.realNameRecordedOn(), f.identityVerified(), f.holder(), icpNumber, icpHolder,
                    accessProvider, f.resolutionSuspended());
            return this;
        }

        public Facts done() {
            known.put(f.domain(), f);
            return Facts.this;
        }
    }
}
