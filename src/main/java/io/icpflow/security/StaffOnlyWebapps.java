package io.icpflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.web.ProblemHandler;
import io.icpflow.web.ReplayedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The webapps (Cockpit, Tasklist, Admin) and their copy of the engine API are for staff only.
 * Camunda lets every user log in to its "welcome" app and then serves the engine API to that
 * session, so applicants and the regulator must be stopped before Camunda sees them:
 * <ul>
 *   <li>a login of a user in no staff group is answered 401, like a wrong password, whatever the
 *       app name in the path (no webapp session is created);</li>
 *   <li>a webapp session that carries a non-staff user (made before this check, or by a group
 *       change since) is ended, and the request refused with 403.</li>
 * </ul>
 */
@Component
@Order(-150)
class StaffOnlyWebapps extends OncePerRequestFilter {

    /** A login form is a user name and a password. */
    private static final int MAX_LOGIN_BYTES = 8 * 1024;

    private final IdentityService identity;
    private final ObjectMapper json;

    StaffOnlyWebapps(IdentityService identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EnginePaths.of(request).startsWith(EnginePaths.WEBAPPS + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = EnginePaths.of(request);
        if (EnginePaths.WEBAPP_SESSION_PATHS.matcher(path).matches() && holdsNonStaff(request.getSession(false))) {
            request.getSession(false).invalidate();
            ProblemHandler.write(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN", "The webapps are for the provider's staff.");
            return;
        }
        if ("POST".equals(request.getMethod()) && EnginePaths.WEBAPP_LOGIN.matcher(path).matches()) {
            if (!plainUtf8Form(request.getContentType())) {
                // Camunda decodes the form in the charset it names: read any other way, the user
                // checked here could differ from the user Camunda logs in
                ProblemHandler.write(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Login failed.");
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_BYTES + 1);
            ReplayedBody login = new ReplayedBody(request, body);
            List<String> names = login.form().get("username");
            if (body.length > MAX_LOGIN_BYTES || names == null || names.size() != 1 || !isStaff(names.get(0))) {
                ProblemHandler.write(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Login failed.");
                return;
            }
            chain.doFilter(login, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean plainUtf8Form(String contentType) {
        try {
            org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(contentType);
            java.nio.charset.Charset charset = type.getCharset();
            return org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
                    && (charset == null || java.nio.charset.StandardCharsets.UTF_8.equals(charset))
                    && type.getParameters().keySet().stream().allMatch("charset"::equalsIgnoreCase);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private boolean holdsNonStaff(HttpSession session) {
        if (session == null) {
            return false;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null && authentications.getAuthentications().stream()
                .map(UserAuthentication::getGroupIds)
                .anyMatch(groups -> groups == null || !Groups.anyStaff(groups));
    }

    private boolean isStaff(String user) {
        if (user == null || user.isBlank() || user.length() > 64) {
            return false;
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return Groups.anyStaff(groups);
    }
}
