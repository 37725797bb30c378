package io.icpflow.filing;

import java.util.EnumSet;
import java.util.Set;

/** The types of API.md; each family's {@link FilingFamily} names the process that runs it. */
public enum FilingType {
    NEW_FILING,
    NEW_WEBSITE,
    TRANSFER,
    CANCEL_SUBJECT,
    CANCEL_WEBSITE,
    CANCEL_ACCESS,
    CANCEL_APP,
    CHANGE_SUBJECT,
    CHANGE_WEBSITE,
    CHANGE_APP;

    private static final Set<FilingType> PER_WEBSITE = EnumSet.of(CHANGE_WEBSITE, CANCEL_WEBSITE, CANCEL_ACCESS);
    private static final Set<FilingType> PER_APP = EnumSet.of(CHANGE_APP, CANCEL_APP);
    private static final Set<FilingType> CANCELLATIONS = EnumSet.of(CANCEL_SUBJECT, CANCEL_WEBSITE, CANCEL_ACCESS, CANCEL_APP);
    private static final Set<FilingType> CHANGES = EnumSet.of(CHANGE_SUBJECT, CHANGE_WEBSITE, CHANGE_APP);

    /** A new subject or a new website/app of a filed subject: MIIT issues the numbers. */
    public boolean isApplication() {
        return this == NEW_FILING || this == NEW_WEBSITE;
    }

    /** The types about one website, named by its number (API.md: given the subject's number, its one website). */
    public boolean isPerWebsite() {
        return PER_WEBSITE.contains(this);
    }

    /** The types about one app, named by its number (…号-nA), as the per-website ones about a website. */
    public boolean isPerApp() {
        return PER_APP.contains(this);
    }

    public boolean isCancellation() {
        return CANCELLATIONS.contains(this);
    }

    /** A change of a filed subject, website or app (变更备案): the numbers are kept. */
    public boolean isChange() {
        return CHANGES.contains(this);
    }

    /** The application names an existing filing by its number from the start (a transfer, a cancellation, a change). */
    public boolean namesANumber() {
        return this == TRANSFER || isCancellation() || isChange();
    }

    /**
     * PRODUCT.md: one application in progress per subject, but "cancel-access and transfer-in are the
     * exceptions".
     */
    public boolean holdsTheSubject() {
        return this != TRANSFER && this != CANCEL_ACCESS;
    }
}
