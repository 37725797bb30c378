package io.icpflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.web.ProblemHandler;
import io.icpflow.web.ReplayedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operations retry failed jobs (Cockpit's incident handling), and that is all RETRY_JOB may do for
 * anyone but an admin: setting the retries of a job that has not failed, or a new due date with
 * them, would fire a timer early (close an application at "day 45" today, end the SMS wait) or
 * freeze one. Refused with 403 for a job that has not failed or a body with a due date.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class JobRetryGuard extends OncePerRequestFilter {

    private static final Pattern RETRIES = Pattern.compile("^" + EnginePaths.ENGINE_ROOT + "/job/([^/]+)/retries/?$");

    private final ManagementService management;
    private final IdentityService identity;
    private final ObjectMapper json;

    JobRetryGuard(ManagementService management, IdentityService identity, ObjectMapper json) {
        this.management = management;
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"PUT".equals(request.getMethod()) || !RETRIES.matcher(EnginePaths.of(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(EngineRequestGuard.MAX_BYTES + 1);
        if (isAdmin(request)) {
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        Matcher m = RETRIES.matcher(EnginePaths.of(request));
        boolean withDueDate;
        try {
            JsonNode dueDate = body.length == 0 ? null : json.readTree(body).get("dueDate");
            withDueDate = dueDate != null && !dueDate.isNull();
        } catch (IOException unreadable) {
            withDueDate = true;
        }
        if (m.matches() && (withDueDate || !failed(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)))) {
            ProblemHandler.write(response, json, HttpStatus.FORBIDDEN, "JOB_NOT_FAILED",
                    "Only a failed job may be retried, and without a new due date; nothing was changed.");
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private boolean failed(String jobId) {
        Job job = WithoutCaller.lookUp(identity, () -> management.createJobQuery().jobId(jobId).singleResult());
        return job == null || job.getRetries() == 0 || job.getExceptionMessage() != null;
    }

    /** The caller's groups: Spring Security's for the REST API, the webapp session's for the webapps' copy. */
    private static boolean isAdmin(HttpServletRequest request) {
        var spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated()) {
            return spring.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(Groups.ADMIN::equals);
        }
        HttpSession session = request.getSession(false);
        Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return webapp != null && webapp.getAuthentications().stream()
                .anyMatch(a -> a.getGroupIds() != null && List.copyOf(a.getGroupIds()).contains(Groups.ADMIN));
    }
}
