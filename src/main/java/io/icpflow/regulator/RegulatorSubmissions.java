package io.icpflow.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.calendar.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/** The outbound log: every submission we made, kept for audit and inspection (table {@code regulator_submission}). */
@Component
class RegulatorSubmissions {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RegulatorSubmissions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(Submission submission) {
        try {
            jdbc.sql("insert into regulator_submission (filing_id, payload, submitted_at) values (?, ?, ?)")
                    .params(submission.filingId(), json.writeValueAsString(submission), EngineClock.nowInChina())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
