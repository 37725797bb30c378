package io.icpflow.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.calendar.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbound log: every submission we made, kept for audit and inspection (table {@code regulator_submission}). */
@Component
class RegulatorSubmissions {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RegulatorSubmissions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The applicant asked MIIT for a new SMS code: {@code {"request": "SMS_RESEND", "filingId", "principals"}}. */
    void smsResendRequested(String filingId, List<String> principals) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", "SMS_RESEND");
        payload.put("filingId", filingId);
        payload.put("principals", principals);
        insert(filingId, payload);
    }

    void record(Submission submission) {
        insert(submission.filingId(), submission);
    }

    private void insert(String filingId, Object payload) {
        try {
            jdbc.sql("insert into regulator_submission (filing_id, payload, submitted_at) values (?, ?, ?)")
                    .params(filingId, json.writeValueAsString(payload), EngineClock.nowInChina())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
