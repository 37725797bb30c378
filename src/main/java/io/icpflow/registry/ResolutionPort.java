package io.icpflow.registry;

/** Where a domain resolves today, seen from the provider (004: an invalid filing points elsewhere). */
public interface ResolutionPort {

    /** Does the domain resolve to one of this provider's addresses? */
    boolean pointsToUs(String domain);
}
