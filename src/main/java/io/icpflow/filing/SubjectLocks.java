package io.icpflow.filing;

import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * One application in progress per subject and account (table {@code subject_application}): taken
 * when an application is created, released when it reaches a final status; the primary key settles
 * races of one account.
 *
 * <p>A subject's USCC or ID number is public, so another account's application must not lock the
 * subject's owner out: it blocks only once the provider's reviewer has approved it (it then goes to
 * MIIT's SMS check or the CA), and the refusal never names another account's filing. The electronic
 * identity check does not move that point: it checks a face against the name the applicant typed, not
 * against the subject's principal of record.
 */
@Component
class SubjectLocks {

    private final JdbcClient jdbc;

    SubjectLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void acquire(String subjectIdNumber, String owner, String filingId) {
        Optional<String> own = ownApplication(subjectIdNumber, owner);
        if (own.isPresent()) {
            throw ownInProgress(own.get());
        }
        if (anotherAccountVerified(subjectIdNumber, owner)) {
            throw new ApiException(HttpStatus.CONFLICT, ReasonCode.APPLICATION_IN_PROGRESS.name(),
                    "Another application for this subject is in progress with us and has passed identity verification; "
                            + "it has to finish first.",
                    List.of(new FieldProblem("subject.idNumber", ReasonCode.APPLICATION_IN_PROGRESS.name(),
                            "another application for this subject is in progress")));
        }
        try {
            jdbc.sql("insert into subject_application (subject_id_number, owner, filing_id) values (?, ?, ?)")
                    .params(subjectIdNumber, owner, filingId).update();
        } catch (DuplicateKeyException race) {
            throw ownInProgress(ownApplication(subjectIdNumber, owner).orElse("?"));
        }
    }

    /** The application has passed identity verification: from now on it holds the subject for every account. */
    void verified(String filingId) {
        jdbc.sql("update subject_application set verified = true where filing_id = ? and verified = false").param(filingId).update();
    }

    void release(String filingId) {
        jdbc.sql("delete from subject_application where filing_id = ?").param(filingId).update();
    }

    private Optional<String> ownApplication(String subjectIdNumber, String owner) {
        return jdbc.sql("select filing_id from subject_application where subject_id_number = ? and owner = ?")
                .params(subjectIdNumber, owner).query(String.class).optional();
    }

    private boolean anotherAccountVerified(String subjectIdNumber, String owner) {
        return jdbc.sql("select count(*) from subject_application where subject_id_number = ? and owner <> ? and verified = true")
                .params(subjectIdNumber, owner).query(Long.class).single() > 0;
    }

    /** The caller's own application: its id may be named. */
    private static ApiException ownInProgress(String filingId) {
        return new ApiException(HttpStatus.CONFLICT, ReasonCode.APPLICATION_IN_PROGRESS.name(),
                "This subject already has an application of yours in progress (" + filingId + "); wait for it to finish or withdraw it.",
                List.of(new FieldProblem("subject.idNumber", ReasonCode.APPLICATION_IN_PROGRESS.name(),
                        "application " + filingId + " of this subject is still in progress")));
    }
}
