package io.icpflow.security;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Map;

import static io.icpflow.security.Groups.ADMIN;
import static io.icpflow.security.Groups.ANALYSTS;
import static io.icpflow.security.Groups.APPLICANTS;
import static io.icpflow.security.Groups.REGULATOR;

/**
 * Who may use what (API.md): HTTP Basic on {@code /api/**} and {@code /engine-rest/**}; the webapps
 * keep their own login. 401 for missing or wrong credentials, 403 for the wrong role.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    private final SecurityProperties properties;

    SecurityConfig(SecurityProperties properties) {
        this.properties = properties;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems,
                            CamundaIdentityAuthenticationProvider users) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authenticationProvider(users)
                // Basic callers carry no session and need no token; a page's session (staff pages,
                // the console) is read but never created here, and its changes need the CSRF token
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::changesWithASession))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/regulator/notifications").hasAuthority(REGULATOR)
                        .requestMatchers("/api/regulator/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/verification/results").hasAuthority(Groups.VERIFIER)
                        .requestMatchers("/api/verification/**").denyAll()
                        .requestMatchers("/api/analytics/**").hasAnyAuthority(ANALYSTS, ADMIN)
                        // a material's bytes: its uploader, and the staff who work on a filing that uses it (MaterialService decides which)
                        .requestMatchers(HttpMethod.GET, "/api/materials/*").hasAnyAuthority(APPLICANTS, Groups.REVIEWERS, Groups.OPS, ADMIN)
                        .requestMatchers("/api/filings/**", "/api/filings", "/api/access-checks/**", "/api/domains/**", "/api/subjects/**",
                                "/api/subjects", "/api/resources", "/api/service-numbers/**", "/api/service-numbers", "/api/materials/**", "/api/materials",
                                "/api/filing-requirements", "/api/mails")
                        .hasAnyAuthority(APPLICANTS, ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    /** The metrics scrape: operations (and admins), HTTP Basic as Prometheus sends it; never public. */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                CamundaIdentityAuthenticationProvider users) throws Exception {
        return http
                .securityMatcher(path("^/actuator/prometheus(/.*)?$"))
                .authenticationProvider(users)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(Groups.OPS, ADMIN))
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
                .securityMatcher(path("^" + EnginePaths.ENGINE_REST + "(/.*)?$"))
                .authenticationProvider(users)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(auth -> {
                    if (!properties.runtimeDeployment()) {
                        auth.requestMatchers(path(EnginePaths.DEPLOYMENT_CREATE.pattern())).denyAll();
                    }
                    auth.anyRequest().hasAnyAuthority(Groups.STAFF.toArray(String[]::new));
                })
                .build();
    }

    /**
     * Staff pages (the analytics page): a form login with a session and a CSRF token, never the
     * browser's Basic login, which a browser would send along with any other site's forms.
     */
    @Bean
    @Order(3)
    SecurityFilterChain staffPages(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        return http
                .securityMatcher(path("^/(analytics|login|logout|denied|staff|demo)(/.*)?$"))
                .authenticationProvider(users)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/analytics/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/denied"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("^/analytics(/.*)?$")).hasAnyAuthority(ANALYSTS, ADMIN)
                        .requestMatchers(path("^/demo(/.*)?$")).hasAuthority(ADMIN)
                        .requestMatchers(path("^/staff/materials/.*$")).hasAnyAuthority(Groups.REVIEWERS, Groups.OPS, ADMIN)
                        .anyRequest().permitAll())
                .build();
    }

    /**
     * The applicants' console: a form login of its own for {@code icp-applicants} only (anyone else is
     * refused at sign-in, and a staff session is turned back), a session and its CSRF token, which the
     * console's pages send with every change to {@code /api/**}.
     */
    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failures =
                new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/console/login?error");
        failures.setExceptionMappings(Map.of(ApplicantsOnly.NotAnApplicant.class.getName(), "/console/login?refused"));
        return http
                .securityMatcher(path("^/console(/.*)?$"))
                .authenticationProvider(new ApplicantsOnly(users))
                .formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console/", true).failureHandler(failures).permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    if (denied instanceof CsrfException) {
                        // a change without the session's token: refused, not a sign-in page
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    } else {
                        // a staff session reaching the console
                        response.sendRedirect(request.getContextPath() + "/console/login?refused");
                    }
                }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("^/console/(login|assets/[A-Za-z0-9._-]+)$")).permitAll()
                        .anyRequest().hasAuthority(APPLICANTS))
                .build();
    }

    /** Webapps (own login and CSRF protection), health, OpenAPI; everything else closed. */
    @Bean
    @Order(5)
    SecurityFilterChain rest(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("^/actuator/health(/.*)?$")).permitAll()
                        .requestMatchers(path("^/(v3/api-docs|swagger-ui)(/.*)?$"), path("^/swagger-ui\\.html$")).permitAll()
                        // the first-admin setup page must never be usable: the admin comes from configuration
                        .requestMatchers(path(EnginePaths.WEBAPP_SETUP.pattern())).denyAll()
                        .requestMatchers(path(webappDeployment())).access((authentication, request) ->
                                new org.springframework.security.authorization.AuthorizationDecision(properties.runtimeDeployment()))
                        .requestMatchers(path("^" + EnginePaths.WEBAPPS + "(/.*)?$"), path("^/(error)?$")).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * Matches the whole path within the application: the engine's REST API and the webapps are
     * served outside Spring MVC's DispatcherServlet, where MVC path patterns would not see them.
     */
    private static RequestMatcher path(String regex) {
        // RegexRequestMatcher matches the path *with* its query string: "$" alone would let
        // "/deployment/create?x=1" past a denial and send "/login?error" to the catch-all
        String anchored = regex.endsWith("$") ? regex.substring(0, regex.length() - 1) + "(\\?.*)?$" : regex;
        return new RegexRequestMatcher(anchored, null);
    }

    private static String webappDeployment() {
        return EnginePaths.DEPLOYMENT_CREATE.pattern();
    }

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static boolean changesWithASession(jakarta.servlet.http.HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        // only Basic credentials stand in for the token: they are what API clients send, never a page's session
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return !SAFE_METHODS.contains(request.getMethod()) && !basic && request.getSession(false) != null;
    }

    /**
     * A path the firewall refuses (encoded dot segments, {@code //}, …) is a 400 problem, not a 500:
     * Spring Security's default hands the refusal on as an error.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejected(com.fasterxml.jackson.databind.ObjectMapper json) {
        return (request, response, rejected) -> io.icpflow.web.ProblemHandler.write(response, json,
                org.springframework.http.HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "This path is not accepted; nothing was done.");
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-auth");
        // Spring Security has already checked the password (with Camunda's lockout); the engine takes
        // that principal instead of hashing the same password a second time on every call
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns(EnginePaths.ENGINE_REST + "/*");
        return registration;
    }
}
