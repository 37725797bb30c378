package io.icpflow.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * One row of a rule table: what it says ({@code value}, shaped by its table), where (a province's
 * ISO 3166-2:CN code, or null: national), when ({@code validFrom} to {@code validTo}, both days
 * included; no end: still in force) and who says so.
 *
 * @param id    stable, unique over all tables (a reason names it: {@code rule})
 * @param table the table it belongs to
 */
public record Rule(String id, String table, String province, LocalDate validFrom, LocalDate validTo, JsonNode value,
                   Source source, String note) {

    /** Title and address of the document the row rests on. */
    public record Source(String title, String url) {

        /** "title (address)", as a reason and the rules list show it. */
        public String text() {
            return title + " (" + url + ")";
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean isNational() {
        return province == null;
    }

    public int intValue() {
        return value.intValue();
    }
}
