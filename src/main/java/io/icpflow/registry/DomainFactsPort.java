package io.icpflow.registry;

/** The domain registries and MIIT's domain records, seen from the provider. */
public interface DomainFactsPort {

    /**
     * Facts about a registrable domain (ASCII, lower-case). Never null: a domain nobody mentions is
     * the unremarkable case, held by {@code applyingSubject}.
     */
    DomainFacts lookup(String domain, String applyingSubject);
}
