package io.icpflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Grants a team a permission once: on every start, creating only what is missing. */
public final class Grants {

    private Grants() {
    }

    public static void grantOnce(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                                 Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (Permission permission : permissions) {
            auth.addPermission(permission);
        }
        authorizations.saveAuthorization(auth);
    }
}
