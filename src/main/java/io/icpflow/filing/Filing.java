package io.icpflow.filing;

import java.time.OffsetDateTime;
import java.util.List;

/** A filing as stored in table {@code filing}: the application, where it stands, and why. */
public record Filing(
        String id,
        String owner,
        FilingType type,
        FilingStatus status,
        String locale,
        String icpNumber,
        FilingApplication application,
        List<Reason> reasons,
        List<Reason> notices,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public String contactEmail() {
        return application.subject().contact().email();
    }

    public String subjectIdNumber() {
        return application.subject().idNumber();
    }
}
