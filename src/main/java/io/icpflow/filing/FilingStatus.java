package io.icpflow.filing;

import java.util.EnumSet;
import java.util.Set;

/** The applicant-visible statuses of PRODUCT.md; the names keep their meaning. */
public enum FilingStatus {
    SUBMITTED, NOT_REQUIRED, RETURNED, PROVIDER_REVIEW, SMS_VERIFICATION, CA_REVIEW, CA_REJECTED,
    APPROVED, ACTIVE, WITHDRAWN, CLOSED, CANCELLED,
    /** Added: MIIT found the domain resolving elsewhere (004); the applicant must point it back or transfer. */
    REMEDIATION_REQUIRED,
    /** Added (API.md 2026-12-01): pre-checks passed; the principals verify face and ID before the provider's review. */
    IDENTITY_VERIFICATION;

    private static final Set<FilingStatus> FINAL = EnumSet.of(NOT_REQUIRED, ACTIVE, WITHDRAWN, CLOSED, CANCELLED);
    private static final Set<FilingStatus> CORRECTABLE = EnumSet.of(RETURNED, CA_REJECTED);
    /** Before the communications administration has the application. */
    private static final Set<FilingStatus> WITH_PROVIDER = EnumSet.of(SUBMITTED, RETURNED, IDENTITY_VERIFICATION, PROVIDER_REVIEW);

    /** No longer an application in progress: the subject may start another. */
    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** The provider's reviewer has approved it: it is with MIIT or the CA (SMS check, CA review). */
    public boolean isPastProviderReview() {
        return this == SMS_VERIFICATION || this == CA_REVIEW;
    }

    public boolean acceptsResubmission() {
        return CORRECTABLE.contains(this);
    }

    public boolean acceptsWithdrawal() {
        return WITH_PROVIDER.contains(this);
    }
}
