package io.icpflow.access;

/** API.md: the answer to a product that wants to connect a domain. */
public enum AccessOutcome {
    /** Filed and synced: connect it. */
    ALLOWED,
    /** No ICP filing: file first (000). */
    NOT_FILED,
    /** Filed at MIIT, not yet synced to us: re-checked every 24 hours (000). */
    WAITING_FOR_SYNC
}
