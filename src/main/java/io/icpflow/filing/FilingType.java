package io.icpflow.filing;

/** The types of API.md, each with the process (BPMN key) that runs it. */
public enum FilingType {
    NEW_FILING("filing"),
    NEW_WEBSITE("filing"),
    TRANSFER("transfer"),
    CANCEL_SUBJECT("cancellation"),
    CANCEL_WEBSITE("cancellation"),
    CANCEL_ACCESS("cancellation");

    private final String processKey;

    FilingType(String processKey) {
        this.processKey = processKey;
    }

    public String processKey() {
        return processKey;
    }

    public boolean isApplication() {
        return this == NEW_FILING || this == NEW_WEBSITE;
    }

    public boolean isCancellation() {
        return this == CANCEL_SUBJECT || this == CANCEL_WEBSITE || this == CANCEL_ACCESS;
    }

    /** Every type but cancel-access is verified by MIIT's SMS (since 2020-08-17). */
    public boolean needsSmsVerification() {
        return this != CANCEL_ACCESS;
    }

    /**
     * PRODUCT.md: one application in progress per subject, but "cancel-access and transfer-in are the
     * exceptions".
     */
    public boolean holdsTheSubject() {
        return this != TRANSFER && this != CANCEL_ACCESS;
    }
}
