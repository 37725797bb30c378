package io.icpflow.filing;

import io.icpflow.filing.FilingApplication.App;
import io.icpflow.registry.FilingRegistry.RegisteredPlatform;

import java.util.List;

/** An app's platforms as the registry records them: identifier, public key and fingerprint. */
public final class RegisteredPlatforms {

    private RegisteredPlatforms() {
    }

    public static List<RegisteredPlatform> of(App app) {
        return app.platforms().stream()
                .map(p -> new RegisteredPlatform(p.platform().name(), p.identifier(), p.publicKey(),
                        p.platform().usesBundleId() ? p.sha1() : p.md5()))
                .toList();
    }
}
