package io.icpflow.security;

import java.util.regex.Pattern;

/**
 * Where Camunda serves its engine API and webapps, in one place: a move to a fork (Operaton, CIB
 * seven) that serves them elsewhere changes only this class and {@code camunda.bpm.*} in
 * application.yaml.
 */
public final class EnginePaths {

    /** The engine's REST API (camunda-bpm-spring-boot-starter-rest). */
    public static final String ENGINE_REST = "/engine-rest";
    /** The webapps (Cockpit, Tasklist, Admin, Welcome) and their APIs: {@code camunda.bpm.webapp.application-path}. */
    public static final String WEBAPPS = "/camunda";

    /** Both copies of the engine's REST API: the webapps call theirs under {@code /camunda/api/engine}. */
    static final Pattern ENGINE_API = Pattern.compile("^(" + ENGINE_REST + "|" + WEBAPPS + "/api/engine)(/.*)?$");
    /**
     * Where one engine's resources start, in every form the REST API serves them: the default
     * engine ({@code /engine-rest/task}), a named engine ({@code /engine-rest/engine/default/task}) and
     * the webapps' copy ({@code /camunda/api/engine/engine/default/task}).
     */
    static final String ENGINE_ROOT = "(?:" + ENGINE_REST + "(?:/engine/[^/]+)?|" + WEBAPPS + "/api/engine/engine/[^/]+)";
    /** The webapps' login, {@code /camunda/api/admin/auth/user/{engine}/login/{app}}, for any app name. */
    static final Pattern WEBAPP_LOGIN = Pattern.compile("^" + WEBAPPS + "/api/admin/auth/user/[^/]+/login(/.*)?$");
    /** Everything of the webapps that serves a logged-in user: their APIs and pages. */
    static final Pattern WEBAPP_SESSION_PATHS = Pattern.compile("^" + WEBAPPS + "/(api|app)(/.*)?$");
    /** The first-admin setup: never usable, the admin comes from configuration. */
    static final Pattern WEBAPP_SETUP = Pattern.compile("^" + WEBAPPS + "/api/admin/setup(/.*)?$");
    /** Deployments at run time: off in {@code prod}, where processes come with the release. */
    static final Pattern DEPLOYMENT_CREATE = Pattern.compile("^" + ENGINE_ROOT + "/deployment/(create|[^/]+/redeploy)/?$");

    private EnginePaths() {
    }

    /** The request's path inside the application, without the context path. */
    static String of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
