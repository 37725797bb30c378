package io.icpflow.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/**
 * What the domain registries and MIIT know about a registrable domain (API.md "Domain facts fixture").
 * {@code accessProvider} null or {@code "self"} means us; anything else is another access provider.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DomainFacts(
        String domain,
        String registrar,
        boolean registrarApproved,
        boolean registeredAbroad,
        LocalDate registeredOn,
        LocalDate expiresOn,
        boolean realNameVerified,
        LocalDate realNameRecordedOn,
        boolean identityVerified,
        String holder,
        String icpNumber,
        String icpHolder,
        String accessProvider,
        boolean resolutionSuspended) {

    public static final String US = "self";

    /** A domain the registries do not mention: the ordinary, well-kept case of API.md. */
    public static DomainFacts unremarkable(String domain, String applyingSubject, LocalDate today) {
        return new DomainFacts(domain, "approved-registrar", true, false, today, today.plusYears(1),
                true, today, true, applyingSubject, null, null, null, false);
    }

    public boolean isFiled() {
        return icpNumber != null && !icpNumber.isBlank();
    }

    public boolean isFiledThroughUs() {
        return isFiled() && (accessProvider == null || US.equals(accessProvider));
    }

    public boolean isExpired(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    /** Real-name verified, but MIIT has not recorded it yet (003: wait about 2 business days). */
    public boolean isRealNamePendingAtMiit(LocalDate today) {
        return realNameVerified && (realNameRecordedOn == null || realNameRecordedOn.isAfter(today));
    }
}
