package io.icpflow.cloud;

import java.util.List;
import java.util.Optional;

/** Production without a fixture: the provider's billing system is the port to write; until then no account has resources. */
class NoResources implements ResourcePort {

    @Override
    public List<CloudResource> resourcesOf(String owner) {
        return List.of();
    }

    @Override
    public Optional<CloudResource> find(String resourceId) {
        return Optional.empty();
    }
}
