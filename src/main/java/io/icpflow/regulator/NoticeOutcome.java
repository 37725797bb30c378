package io.icpflow.regulator;

/**
 * What became of a notice: {@code APPLIED} (202), {@code DUPLICATE} (200, nothing done twice),
 * {@code UNMATCHED} (409, kept for inspection), {@code CONFLICT} (409, kept: applying it broke a rule
 * of the registry, such as a domain or number another filing holds).
 */
public record NoticeOutcome(String notificationId, Result outcome, String filingId, String detail) {

    public enum Result { APPLIED, DUPLICATE, UNMATCHED, CONFLICT }
}
