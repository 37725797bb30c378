package io.icpflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-account buckets on the routes an account could flood; 429 problem JSON with Retry-After; the gateways unlimited. */
class RateLimitsTest {

    private static final RateLimitProperties.Limit TWO_A_MINUTE = new RateLimitProperties.Limit(2, Duration.ofMinutes(1));
    /** As the app has it: ProblemDetail with its properties at the top level. */
    private final ObjectMapper json = org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json().build();
    private final RateLimits limits = new RateLimits(new RateLimitProperties(true, TWO_A_MINUTE, TWO_A_MINUTE, TWO_A_MINUTE, TWO_A_MINUTE), json);

    @Test
    void theThirdFilingWithinAMinuteIs429WithRetryAfter() throws Exception {
        assertThat(allowed("POST", "/api/filings", "alice")).isTrue();
        assertThat(allowed("POST", "/api/filings", "alice")).isTrue();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(limits.preHandle(request("POST", "/api/filings", "alice"), refused, null)).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(refused.getContentAsString()).get("code").asText()).isEqualTo("RATE_LIMITED");
        // another account, another route, a read: their own allowance, or none needed
        assertThat(allowed("POST", "/api/filings", "bob")).isTrue();
        assertThat(allowed("POST", "/api/access-checks", "alice")).isTrue();
        assertThat(allowed("GET", "/api/filings", "alice")).isTrue();
    }

    @Test
    void eachFloodableRouteHasItsBucketAndTheGatewaysNone() throws Exception {
        for (String route : new String[]{"/api/materials", "/api/access-checks", "/api/service-numbers"}) {
            allowed("POST", route, "carol");
            allowed("POST", route, "carol");
            assertThat(allowed("POST", route, "carol")).as(route).isFalse();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(allowed("POST", "/api/regulator/notifications", "regulator")).isTrue();
            assertThat(allowed("POST", "/api/verification/results", "verifier")).isTrue();
        }
    }

    @Test
    void offWhenDisabled() throws Exception {
        RateLimits off = new RateLimits(new RateLimitProperties(false, TWO_A_MINUTE, TWO_A_MINUTE, TWO_A_MINUTE, TWO_A_MINUTE), json);
        for (int i = 0; i < 5; i++) {
            assertThat(off.preHandle(request("POST", "/api/filings", "dave"), new MockHttpServletResponse(), null)).isTrue();
        }
    }

    private boolean allowed(String method, String path, String user) throws Exception {
        return limits.preHandle(request(method, path, user), new MockHttpServletResponse(), null);
    }

    private static MockHttpServletRequest request(String method, String path, String user) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setUserPrincipal(() -> user);
        return request;
    }
}
