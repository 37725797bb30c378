package io.icpflow.filing;

public enum FilingType {
    NEW_FILING, NEW_WEBSITE, TRANSFER, CANCEL_SUBJECT, CANCEL_WEBSITE, CANCEL_ACCESS;

    /** The types the filing-application process runs; the others have processes of their own. */
    public boolean isApplication() {
        return this == NEW_FILING || this == NEW_WEBSITE;
    }
}
