package io.icpflow.filing;

import java.time.OffsetDateTime;
import java.util.List;

/** The filing as the applicant sees it (API.md {@code GET /api/filings/{id}}). */
public record FilingView(
        String id,
        FilingType type,
        FilingStatus status,
        List<ReasonView> reasons,
        List<ReasonView> notices,
        String icpNumber,
        List<WebsiteView> websites,
        List<AppView> apps,
        List<TimelineView> timeline,
        String locale,
        OffsetDateTime createdAt,
        Verification verification) {

    /** {@code rule}: the id of the rule it applied (GET /api/rules); {@code source}: that rule's title and address. */
    public record ReasonView(String code, String message, String field, String rule, String source) {
    }

    public record WebsiteView(String name, List<String> domains, String icpNumber, String serverRegion, String serviceNumber) {
    }

    /** An app of the application: {@code platforms} ANDROID, IOS, HARMONYOS; {@code icpNumber} …号-nA once MIIT approved it. */
    public record AppView(String name, List<String> platforms, String icpNumber, String serverRegion, String serviceNumber) {
    }

    /** The principals' identity verification (API.md): each one's latest session of the application's latest round. */
    public record Verification(List<VerificationSessionView> sessions) {
    }

    /** {@code status}: PENDING, PASSED or FAILED; a PENDING session past {@code expiresAt} takes no result: open new ones. */
    public record VerificationSessionView(String id, String who, String url, OffsetDateTime expiresAt, String status) {
    }

    public record TimelineView(OffsetDateTime at, FilingStatus status) {
    }
}
