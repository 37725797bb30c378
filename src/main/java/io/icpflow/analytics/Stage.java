package io.icpflow.analytics;

import java.util.Set;

/**
 * What an applicant waits through, with its SLA in business days (PRODUCT.md). The first four are
 * the status stages every filing type passes; the last two are whole transfers and cancellations,
 * from submission to their end, with the sum of their stages' SLAs.
 */
enum Stage {
    PROVIDER_REVIEW("PROVIDER_REVIEW", null, Set.of(), 1),
    SMS_VERIFICATION("SMS_VERIFICATION", null, Set.of(), 1),
    CA_REVIEW("CA_REVIEW", null, Set.of(), 20),
    SYNC_WAIT("APPROVED", null, Set.of(), 2),
    TRANSFER("SUBMITTED", "ACTIVE", Set.of("TRANSFER"), 1 + 1 + 20 + 2),
    CANCELLATION("SUBMITTED", "CANCELLED", Set.of("CANCEL_SUBJECT", "CANCEL_WEBSITE", "CANCEL_ACCESS"), 1 + 1 + 20);

    /** The status that starts the stage. */
    final String from;
    /** The status that ends it; null: the next status change, whatever it is. */
    final String until;
    /** Filing types the stage is measured for; empty: all. */
    final Set<String> types;
    final int slaBusinessDays;

    Stage(String from, String until, Set<String> types, int slaBusinessDays) {
        this.from = from;
        this.until = until;
        this.types = types;
        this.slaBusinessDays = slaBusinessDays;
    }

    boolean startsAt(String type, String status) {
        return from.equals(status) && (types.isEmpty() || types.contains(type));
    }
}
