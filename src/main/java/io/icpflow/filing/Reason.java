package io.icpflow.filing;

/**
 * A reason as stored: the code, the field it concerns (may be null), a detail for the message (may be
 * null) and the rule it applied (a row id of rules/; null: the national check of its code).
 */
public record Reason(ReasonCode code, String field, String detail, String rule) {

    public Reason(ReasonCode code, String field, String detail) {
        this(code, field, detail, null);
    }

    public static Reason of(ReasonCode code) {
        return new Reason(code, null, null, null);
    }
}
