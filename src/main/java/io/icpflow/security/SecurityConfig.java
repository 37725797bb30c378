package io.icpflow.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static io.icpflow.security.Groups.ADMIN;
import static io.icpflow.security.Groups.ANALYSTS;
import static io.icpflow.security.Groups.APPLICANTS;
import static io.icpflow.security.Groups.OPS;
import static io.icpflow.security.Groups.REGULATOR;
import static io.icpflow.security.Groups.REVIEWERS;

/**
 * Who may use what (API.md): HTTP Basic on {@code /api/**} and {@code /engine-rest/**}; the webapps
 * keep their own login. 401 for missing or wrong credentials, 403 for the wrong role.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems,
                            CamundaIdentityAuthenticationProvider users) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authenticationProvider(users)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/regulator/notifications").hasAuthority(REGULATOR)
                        .requestMatchers("/api/regulator/**").denyAll()
                        .requestMatchers("/api/analytics/**").hasAnyAuthority(ANALYSTS, ADMIN)
                        .requestMatchers("/api/filings/**", "/api/filings", "/api/access-checks/**", "/api/domains/**")
                        .hasAnyAuthority(APPLICANTS, ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * The engine's REST API: staff only. Spring Security turns applicants and the regulator away
     * (403); Camunda's own filter ({@link #engineRestAuthentication()}) then hands the authenticated
     * user and their groups to the engine, so that Camunda's authorizations apply to every call.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                   CamundaIdentityAuthenticationProvider users) throws Exception {
        return http
                .securityMatcher(path("^/engine-rest(/.*)?$"))
                .authenticationProvider(users)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(ADMIN, REVIEWERS, OPS, ANALYSTS))
                .build();
    }

    /** The analytics page: analysts and admins, with the browser's HTTP Basic login (same realm as the API). */
    @Bean
    @Order(3)
    SecurityFilterChain analyticsPage(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        return http
                .securityMatcher(path("^/analytics(/.*)?$"))
                .authenticationProvider(users)
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.realmName("icp"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(ANALYSTS, ADMIN))
                .build();
    }

    /** Webapps (own login and CSRF protection), health, OpenAPI; everything else closed. */
    @Bean
    @Order(4)
    SecurityFilterChain rest(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("^/actuator/health(/.*)?$")).permitAll()
                        .requestMatchers(path("^/(v3/api-docs|swagger-ui)(/.*)?$"), path("^/swagger-ui\\.html$")).permitAll()
                        // the first-admin setup page must never be usable: the admin comes from configuration
                        .requestMatchers(path("^/camunda/api/admin/setup(/.*)?$")).denyAll()
                        .requestMatchers(path("^/camunda(/.*)?$"), path("^/(error)?$")).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * Matches the whole path within the application: the engine's REST API and the webapps are
     * served outside Spring MVC's DispatcherServlet, where MVC path patterns would not see them.
     */
    private static RequestMatcher path(String regex) {
        return new RegexRequestMatcher(regex, null);
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-auth");
        // Spring Security has already checked the password (with Camunda's lockout); the engine takes
        // that principal instead of hashing the same password a second time on every call
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
