package io.icpflow.regulator;

/** A notice from the CA or MIIT (API.md "Regulator webhook"). */
public record RegulatorNotice(String notificationId, Type type, String filingId, String icpNumber, String domain,
                              String reason) {

    public enum Type { SMS_VERIFIED, FILING_APPROVED, FILING_REJECTED, FILING_SYNCED, ICP_NUMBER_CANCELLED, FILING_INVALID }
}
