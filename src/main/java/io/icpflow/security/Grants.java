package io.icpflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The group holds exactly these permissions on the resource: created, or corrected if it holds others. */
    public static void grantExactly(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                                    Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).list().stream().filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .findFirst().orElse(null);
        if (existing == null) {
            grantOnce(authorizations, group, resource, resourceId, permissions);
            return;
        }
        Set<String> held = Arrays.stream(existing.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType())))
                .map(Permission::getName).filter(name -> !"ALL".equals(name) && !"NONE".equals(name)).collect(Collectors.toSet());
        if (held.equals(Arrays.stream(permissions).map(Permission::getName).collect(Collectors.toSet()))) {
            return;
        }
        existing.setPermissions(permissions);
        authorizations.saveAuthorization(existing);
    }
}
