package io.icpflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Only canonical paths reach the app: {@code //}, dot segments, and encoded slashes, backslashes or
 * dots are refused with a 400 problem before anything else. Tomcat maps such a path to a servlet
 * after normalizing it while the filters see it raw, so one layer could match what another did not
 * (a {@code /camunda//api/admin/setup/…} once slipped past the rule for the setup page and ended in a 500).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CanonicalPaths extends OncePerRequestFilter {

    private static final Pattern NOT_CANONICAL = Pattern.compile("//|/\\.\\.?(/|$)|%2e|%2f|%5c|\\\\|;");

    private final ObjectMapper json;

    CanonicalPaths(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (NOT_CANONICAL.matcher(request.getRequestURI().toLowerCase(Locale.ROOT)).find()) {
            ProblemHandler.write(response, json, HttpStatus.BAD_REQUEST, "PATH_NOT_CANONICAL",
                    "This path is not in canonical form (no //, dot segments or encoded separators); nothing was done.");
            return;
        }
        chain.doFilter(request, response);
    }
}
