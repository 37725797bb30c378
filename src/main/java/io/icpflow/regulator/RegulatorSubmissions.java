package io.icpflow.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.calendar.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
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

    /** A request about a filing already submitted (a new SMS code): {@code {"request": kind, …}}. */
    void recordRequest(String filingId, String kind, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", kind);
        payload.put("filingId", filingId);
        payload.putAll(details);
        try {
            jdbc.sql("insert into regulator_submission (filing_id, payload, submitted_at) values (?, ?, ?)")
                    .params(filingId, json.writeValueAsString(payload), EngineClock.nowInChina())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
