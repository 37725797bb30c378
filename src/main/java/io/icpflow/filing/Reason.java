package io.icpflow.filing;

/** A reason as stored: the code, the field it concerns (may be null) and a detail for the message (may be null). */
public record Reason(ReasonCode code, String field, String detail) {

    public static Reason of(ReasonCode code) {
        return new Reason(code, null, null);
    }
}
