package io.icpflow.regulator;

/** A notice from the CA or MIIT (API.md "Regulator webhook"). */
public record RegulatorNotice(String notificationId, Type type, String filingId, String icpNumber, String domain,
                              String reason) {

    /** {@code SMS_FAILED}: MIIT's SMS check failed, too many wrong codes (API.md "Rules in force, SMS failures"). */
    public enum Type { SMS_VERIFIED, SMS_FAILED, FILING_APPROVED, FILING_REJECTED, FILING_SYNCED, ICP_NUMBER_CANCELLED, FILING_INVALID }
}
