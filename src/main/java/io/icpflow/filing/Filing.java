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

    Filing withStatus(FilingStatus next, OffsetDateTime at, boolean clearReasons) {
        return new Filing(id, owner, type, next, locale, icpNumber, application, clearReasons ? List.of() : reasons, notices, createdAt, at);
    }

    Filing withReasonsAndNotices(List<Reason> newReasons, List<Reason> newNotices) {
        return new Filing(id, owner, type, status, locale, icpNumber, application, List.copyOf(newReasons), List.copyOf(newNotices),
                createdAt, updatedAt);
    }

    Filing withApplication(FilingApplication app, OffsetDateTime at) {
        return new Filing(id, owner, type, status, app.localeOrDefault(), icpNumber, app, reasons, notices, createdAt, at);
    }

    Filing withIcpNumber(String number) {
        return new Filing(id, owner, type, status, locale, number, application, reasons, notices, createdAt, updatedAt);
    }

    public String contactEmail() {
        return application.subject().contact().email();
    }

    public String subjectIdNumber() {
        return application.subject().idNumber();
    }
}
