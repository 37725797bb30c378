package io.icpflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.function.Supplier;

/**
 * A look-up a guard makes before the engine runs the caller's request (which task, which job): made
 * without the caller's authorizations, which the engine checks next, and the caller restored after.
 */
final class WithoutCaller {

    private WithoutCaller() {
    }

    static <T> T lookUp(IdentityService identity, Supplier<T> lookUp) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return lookUp.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
