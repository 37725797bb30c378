package io.icpflow.filing;

/** The types of API.md; each family's {@link FilingFamily} names the process that runs it. */
public enum FilingType {
    NEW_FILING,
    NEW_WEBSITE,
    TRANSFER,
    CANCEL_SUBJECT,
    CANCEL_WEBSITE,
    CANCEL_ACCESS;

    public boolean isApplication() {
        return this == NEW_FILING || this == NEW_WEBSITE;
    }

    /** The types about one website, named by its number (API.md: given the subject's number, its one website). */
    public boolean isPerWebsite() {
        return this == CANCEL_WEBSITE || this == CANCEL_ACCESS;
    }

    public boolean isCancellation() {
        return this == CANCEL_SUBJECT || this == CANCEL_WEBSITE || this == CANCEL_ACCESS;
    }


    /**
     * PRODUCT.md: one application in progress per subject, but "cancel-access and transfer-in are the
     * exceptions".
     */
    public boolean holdsTheSubject() {
        return this != TRANSFER && this != CANCEL_ACCESS;
    }
}
