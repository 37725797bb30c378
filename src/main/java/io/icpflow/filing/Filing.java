package io.icpflow.filing;

import io.icpflow.calendar.EngineClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A filing as stored in table {@code filing}: the application, where it stands, and why.
 * {@code submittedAt}: the submission or the latest resubmission, whose day's rules apply (rules/).
 */
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
        OffsetDateTime updatedAt,
        OffsetDateTime submittedAt) {

    /** A filing submitted when it was created. */
    public Filing(String id, String owner, FilingType type, FilingStatus status, String locale, String icpNumber,
                  FilingApplication application, List<Reason> reasons, List<Reason> notices, OffsetDateTime createdAt,
                  OffsetDateTime updatedAt) {
        this(id, owner, type, status, locale, icpNumber, application, reasons, notices, createdAt, updatedAt, createdAt);
    }

    /** The day (China time) whose rules apply to the application. */
    public LocalDate rulesDay() {
        return submittedAt.atZoneSameInstant(EngineClock.CHINA).toLocalDate();
    }

    Filing withStatus(FilingStatus next, OffsetDateTime at, boolean clearReasons) {
        return new Filing(id, owner, type, next, locale, icpNumber, application, clearReasons ? List.of() : reasons, notices, createdAt, at,
                submittedAt);
    }

    Filing withReasonsAndNotices(List<Reason> newReasons, List<Reason> newNotices) {
        return new Filing(id, owner, type, status, locale, icpNumber, application, List.copyOf(newReasons), List.copyOf(newNotices),
                createdAt, updatedAt, submittedAt);
    }

    Filing withApplication(FilingApplication app, OffsetDateTime at, boolean resubmitted) {
        return new Filing(id, owner, type, status, app.localeOrDefault(), icpNumber, app, reasons, notices, createdAt, at,
                resubmitted ? at : submittedAt);
    }

    Filing withIcpNumber(String number) {
        return new Filing(id, owner, type, status, locale, number, application, reasons, notices, createdAt, updatedAt, submittedAt);
    }

    public String contactEmail() {
        return application.subject().contact().email();
    }

    public String subjectIdNumber() {
        return application.subject().idNumber();
    }
}
