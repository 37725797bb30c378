package io.icpflow.filing;

import io.icpflow.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * One application in progress per subject (table {@code subject_in_progress}): taken when an
 * application is created, released when it reaches a final status. The primary key settles races.
 */
@Component
class SubjectLocks {

    private final JdbcClient jdbc;

    SubjectLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void acquire(String subjectIdNumber, String filingId) {
        Optional<String> holder = holder(subjectIdNumber);
        if (holder.isPresent()) {
            throw inProgress(holder.get());
        }
        try {
            jdbc.sql("insert into subject_in_progress (subject_id_number, filing_id) values (?, ?)")
                    .params(subjectIdNumber, filingId).update();
        } catch (DuplicateKeyException race) {
            throw inProgress(holder(subjectIdNumber).orElse("?"));
        }
    }

    void release(String subjectIdNumber, String filingId) {
        jdbc.sql("delete from subject_in_progress where subject_id_number = ? and filing_id = ?")
                .params(subjectIdNumber, filingId).update();
    }

    private Optional<String> holder(String subjectIdNumber) {
        return jdbc.sql("select filing_id from subject_in_progress where subject_id_number = ?")
                .param(subjectIdNumber).query(String.class).optional();
    }

    private static ApiException inProgress(String filingId) {
        return new ApiException(HttpStatus.CONFLICT, ReasonCode.APPLICATION_IN_PROGRESS.name(),
                "This subject already has an application in progress here (" + filingId + "); wait for it to finish or withdraw it.",
                List.of(new io.icpflow.web.FieldProblem("subject.idNumber", ReasonCode.APPLICATION_IN_PROGRESS.name(),
                        "application " + filingId + " of this subject is still in progress")));
    }
}
