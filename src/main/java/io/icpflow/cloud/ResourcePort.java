package io.icpflow.cloud;

import java.util.List;
import java.util.Optional;

/** The provider's cloud inventory: which resources an account has. A fixture or the demo's in this product; the billing system in a real one. */
public interface ResourcePort {

    List<CloudResource> resourcesOf(String owner);

    Optional<CloudResource> find(String resourceId);
}
