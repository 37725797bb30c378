package io.icpflow.registry;

/** A filed subject's or website's standing in our registry (columns {@code icp_subject.status}, {@code icp_website.status}). */
public enum RegistryStatus {
    /** Filed at MIIT and accessed through us. */
    ACTIVE,
    /** Cancelled at MIIT: the number is released, the domains may be filed again. */
    CANCELLED,
    /** Still filed at MIIT, but no longer accessed through us (cancel-access). */
    ACCESS_CANCELLED
}
