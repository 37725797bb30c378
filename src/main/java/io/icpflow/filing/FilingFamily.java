package io.icpflow.filing;

import java.util.Set;

/**
 * A filing family (new filing, transfer, cancellation …): the types it runs and the process that runs
 * them, started with the filing id as business key and {@link FilingCase#FILING_ID}. Each family
 * declares itself as a bean in its own package, so the kernel starts a filing without knowing any
 * family's process.
 */
public record FilingFamily(String processKey, Set<FilingType> types) {
}
