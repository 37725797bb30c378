package io.icpflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.web.ProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** 401 and 403 as RFC 9457 problems, like every other refusal of the API. */
@Component
class ProblemAuthenticationHandlers {

    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            // a page's script (the console) signs in again on its own page; a Basic challenge would make the browser
            // ask and then send those credentials to us from any site, past the CSRF token
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"icp\", charset=\"UTF-8\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Log in with HTTP Basic credentials.");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "Your role may not use this resource.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        ProblemHandler.write(response, json, status, code, detail);
    }
}
