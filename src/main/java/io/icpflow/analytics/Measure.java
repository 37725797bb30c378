package io.icpflow.analytics;

/** What the read model counts of the filings created on a day (table {@code analytics_tally}). */
enum Measure {
    /** Filings now in a status: key1 the type, key2 the status. */
    STATUS,
    /** Filings that reached a status at least once, the funnel: key1 the status. */
    REACHED,
    /** Completed stages: key1 the stage, key2 the province (CA review only), the bin of its business days. */
    STAGE,
    /** Stages that ended after their SLAs' deadline: key1 the stage, key2 the Monday of the week it ended. */
    BREACH,
    /** The reasons of returns and CA rejections: key1 the reason's code. */
    REASON,
    /** Waits for the principals' identity verification: the bin of its minutes. */
    VERIFICATION_WAIT,
    /** How a wait for identity verification ended: key1 the status that followed it. */
    VERIFICATION_END,
    /** Verification sessions: key1 their outcome ({@link io.icpflow.verification.SessionsMoved.Outcome}). */
    SESSION,
    /** Websites and apps numbered: key1 WEBSITE or APP. */
    NUMBERED
}
