package io.icpflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-account rate limits (Bucket4j token buckets) on the routes one account could flood: new filings
 * (each mails an address nobody has verified yet), uploads, access checks and service numbers. Over the
 * limit is {@code 429} problem JSON {@code RATE_LIMITED} with {@code Retry-After}. The regulator's and the
 * verifier's gateways are not limited (their routes are none of these). Per node: with several nodes an
 * account gets each node's allowance.
 */
@Component
public class RateLimits implements HandlerInterceptor, WebMvcConfigurer {

    enum Route { FILINGS, UPLOADS, ACCESS_CHECKS, SERVICE_NUMBERS }

    private final RateLimitProperties properties;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(RateLimitProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Route route = route(request);
        Principal user = request.getUserPrincipal();
        if (!properties.enabled() || route == null || user == null) {
            return true;
        }
        RateLimitProperties.Limit limit = limit(route);
        Bucket bucket = buckets.computeIfAbsent(route + "|" + user.getName(), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            return true;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemHandler.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests of this kind from your account ("
                + limit.capacity() + " per " + limit.period().toSeconds() + " s); try again in " + seconds + " s. Nothing was created or changed.");
        return false;
    }

    private static Route route(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (path) {
            case "/api/filings" -> Route.FILINGS;
            case "/api/materials" -> Route.UPLOADS;
            case "/api/access-checks" -> Route.ACCESS_CHECKS;
            case "/api/service-numbers" -> Route.SERVICE_NUMBERS;
            default -> null;
        };
    }

    private RateLimitProperties.Limit limit(Route route) {
        return switch (route) {
            case FILINGS -> properties.filings();
            case UPLOADS -> properties.uploads();
            case ACCESS_CHECKS -> properties.accessChecks();
            case SERVICE_NUMBERS -> properties.serviceNumbers();
        };
    }
}
