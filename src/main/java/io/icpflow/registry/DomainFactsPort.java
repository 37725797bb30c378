package io.icpflow.registry;

import java.util.List;

/** The domain registries and MIIT's domain records, seen from the provider. */
public interface DomainFactsPort {

    /**
     * Facts about a registrable domain (ASCII, lower-case). Never null: a domain nobody mentions is
     * the unremarkable case, held by {@code applyingSubject}.
     */
    DomainFacts lookup(String domain, String applyingSubject);

    /**
     * The domains MIIT has filed under a subject's ICP number (its websites' numbers start with it),
     * for telling a transfer of every domain from a partial one.
     */
    List<String> domainsFiledUnder(String subjectNumber);
}
