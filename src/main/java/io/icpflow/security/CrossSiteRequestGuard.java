package io.icpflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.web.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * A browser that holds credentials for this app (a Basic login it cached, a session cookie) sends
 * them with a form another site makes it post: a {@code multipart/form-data} POST to the engine's
 * deployment API needs no script and no CORS preflight. Such a request says where it comes from,
 * so every state-changing request from another origin is refused with 403 before any
 * authentication: {@code Sec-Fetch-Site} when the browser sends it (all current browsers), else
 * {@code Origin} against the request's own host. Tools that send neither (curl, the regulator's
 * gateway, the SDKs) are not browsers and go on as before. The same check as Go's
 * {@code net/http.CrossOriginProtection}.
 */
@Component
@Order(-200)
class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** "same-site" is a sibling host (another subdomain): still another origin. */
    private static final Set<String> CROSS = Set.of("cross-site", "same-site");

    private final ObjectMapper json;

    CrossSiteRequestGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossOrigin(request)) {
            ProblemHandler.write(response, json, HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST",
                    "A request from another site may not change anything here; nothing was changed.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return CROSS.contains(fetchSite.toLowerCase(java.util.Locale.ROOT));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if ("null".equals(origin)) {
            return true; // a sandboxed frame or a redirect chain: never our own page
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            return from.getRawAuthority() == null || host == null || !from.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }
}
