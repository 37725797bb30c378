package io.icpflow.api;

import io.icpflow.OwnJvm;

import io.icpflow.IcpApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code prod} profile as an operator starts it: PostgreSQL and the admin from the environment,
 * no demo users, HSTS and secure session cookies behind a TLS-terminating proxy, the webapps' CSRF
 * protection, and Camunda's login lockout.
 */
@OwnJvm
class ProdProfileIT {

    private static final String ADMIN = "operator-admin";
    private static final String ADMIN_PASSWORD = "c0rrect-h0rse-battery";

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        app = new SpringApplicationBuilder(IcpApplication.class).run(
                "--spring.profiles.active=prod",
                "--server.port=0",
                // as the environment would set them (SPRING_DATASOURCE_URL, ICP_ADMIN_USER, …)
                "--SPRING_DATASOURCE_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--SPRING_DATASOURCE_USERNAME=postgres",
                "--SPRING_DATASOURCE_PASSWORD=postgres",
                "--ICP_ADMIN_USER=" + ADMIN,
                "--ICP_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--ICP_VERIFICATION_LINK_TEMPLATE=https://verify.provider.example/h5/{sessionId}",
                "--spring.mail.port=1");
        int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://localhost:" + port;
        http = new Http(port);
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        postgres.close();
    }

    @Test
    void noDemoUsersOnlyTheAdminFromTheEnvironment() {
        for (String demo : List.of("admin", "reviewer", "ops", "analyst", "alice", "bob", "regulator")) {
            assertThat(http.get(demo, "/api/filings").status()).as(demo).isEqualTo(401);
        }
        Http.Response users = http.get(ADMIN + ":" + ADMIN_PASSWORD, "/engine-rest/user");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json()).extracting(u -> u.get("id").asText()).containsExactly(ADMIN);
        // the teams, their authorizations and Tasklist filters are there: the operator only adds people
        assertThat(http.get(ADMIN + ":" + ADMIN_PASSWORD, "/engine-rest/group").json()).extracting(g -> g.get("id").asText())
                .contains("icp-reviewers", "icp-ops", "icp-analysts", "icp-applicants", "icp-regulator");
        assertThat(http.get(ADMIN + ":" + ADMIN_PASSWORD, "/engine-rest/filter").json()).extracting(f -> f.get("name").asText())
                .contains("Open reviews 待审核", "Escalations 升级处理");
        // the first-admin setup page stays closed even though the instance has only one user
        assertThat(http.post(null, "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}").status()).isEqualTo(403);
    }

    /** The demo's own SMTP server and its mailbox page do not exist in prod. */
    @Test
    void noDemoMailbox() {
        assertThat(app.getBeanNamesForType(io.icpflow.notification.DemoMailbox.class)).isEmpty();
    }

    @Test
    void behindTlsEveryAnswerCarriesHstsAndSecurityHeaders() throws Exception {
        for (String path : List.of("/actuator/health", "/api/filings", "/camunda/app/tasklist/default/")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("X-Forwarded-Proto", "https").GET());
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
        assertThat(tasklistPage().headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void webappLoginNeedsTheCsrfTokenAndGetsASecureSessionCookie() throws Exception {
        String form = "username=" + enc(ADMIN) + "&password=" + enc(ADMIN_PASSWORD);
        Map<String, String> cookies = cookies(tasklistPage());
        HttpResponse<String> withoutToken = send(login(form).header("Cookie", cookieHeader(cookies)));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> page = tasklistPage();
        cookies = cookies(page);
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        assertThat(cookies).containsEntry("XSRF-TOKEN", token);
        HttpResponse<String> loggedIn = send(login(form).header("Cookie", cookieHeader(cookies)).header("X-XSRF-TOKEN", token));
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
        List<String> setCookies = loggedIn.headers().allValues("Set-Cookie");
        assertThat(setCookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                .satisfies(c -> assertThat(c).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        cookies.putAll(cookies(loggedIn));
        // a new session after login (no fixation), with a new token, fetched as Tasklist does on its next GET
        HttpResponse<String> next = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                .header("X-Forwarded-Proto", "https").header("Cookie", cookieHeader(cookies)).GET());
        assertThat(next.statusCode()).isEqualTo(200);
        cookies.putAll(cookies(next));
        token = next.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

        // the webapps' copy of the engine API: CSRF-checked, and the orQueries expression guard applies there too
        String expression = "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}";
        HttpResponse<String> guarded = send(webappPost("/camunda/api/engine/engine/default/task", expression)
                .header("Cookie", cookieHeader(cookies)).header("X-XSRF-TOKEN", token));
        assertThat(guarded.statusCode()).isEqualTo(400);
        assertThat(guarded.body()).contains("EXPRESSION_IN_QUERY");
        HttpResponse<String> plain = send(webappPost("/camunda/api/engine/engine/default/task", "{}")
                .header("Cookie", cookieHeader(cookies)).header("X-XSRF-TOKEN", token));
        assertThat(plain.statusCode()).isEqualTo(200);
        // without the token the same session is refused (and the webapp ends the session)
        HttpResponse<String> forged = send(webappPost("/camunda/api/engine/engine/default/task", "{}")
                .header("Cookie", cookieHeader(cookies)));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void repeatedWrongPasswordsLockTheUserForAWhile() {
        String admin = ADMIN + ":" + ADMIN_PASSWORD;
        assertThat(http.post(admin, "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"clerk\",\"firstName\":\"C\",\"lastName\":\"Lerk\"},\"credentials\":{\"password\":\"clerk-pass-123\"}}").status())
                .isEqualTo(204);
        assertThat(http.put(admin, "/engine-rest/group/icp-analysts/members/clerk").status()).isEqualTo(204);
        assertThat(http.get("clerk:wrong", "/engine-rest/task").status()).isEqualTo(401);
        // right password, but within the login delay after a failure: still refused
        assertThat(http.get("clerk:clerk-pass-123", "/engine-rest/user/clerk/profile").status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("clerk:clerk-pass-123", "/engine-rest/user/clerk/profile").status() != 401);
        assertThat(http.get("clerk:clerk-pass-123", "/engine-rest/user/clerk/profile").status()).isEqualTo(200);
    }

    @Test
    void noNumberOfWrongPasswordsLocksAUserForGood() {
        String admin = ADMIN + ":" + ADMIN_PASSWORD;
        assertThat(http.post(admin, "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"gatekeeper\",\"firstName\":\"G\",\"lastName\":\"K\"},\"credentials\":{\"password\":\"gate-pass-123\"}}").status())
                .isEqualTo(204);
        assertThat(http.put(admin, "/engine-rest/group/icp-analysts/members/gatekeeper").status()).isEqualTo(204);
        // Camunda's lock is timed by the engine clock: each guess waits out the delay, more guesses than the old limit of 10
        java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
        try {
            for (int guess = 0; guess < 12; guess++) {
                assertThat(http.get("gatekeeper:wrong-" + guess, "/engine-rest/task").status()).isEqualTo(401);
                now = new java.util.Date(now.getTime() + Duration.ofMinutes(2).toMillis());
                org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
            }
            assertThat(http.get("gatekeeper:gate-pass-123", "/engine-rest/user/gatekeeper/profile").status()).isEqualTo(200);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            assertThat(http.delete(admin, "/engine-rest/user/gatekeeper").status()).isEqualTo(204);
        }
    }

    @Test
    void noDeploymentsAtRunTime() {
        String admin = ADMIN + ":" + ADMIN_PASSWORD;
        long before = http.get(admin, "/engine-rest/deployment/count").json().get("count").asLong();
        String boundary = "b" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nlate\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"late.bpmn\"\r\n"
                + "Content-Type: text/xml\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";
        for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/deployment/create?x=1",
                "/engine-rest/engine/default/deployment/create", "/engine-rest/deployment/create/")) {
            assertThat(http.postAs(admin, path, multipart, "multipart/form-data; boundary=" + boundary).status()).as(path).isEqualTo(403);
        }
        // and inside the engine, whatever path a deployment took
        org.camunda.bpm.engine.RepositoryService repository = app.getBean(org.camunda.bpm.engine.RepositoryService.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.createDeployment().name("late")
                .addString("late.bpmn", org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
                        .createExecutableProcess("late").camundaHistoryTimeToLive(1).startEvent().endEvent().done())).deploy())
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(http.get(admin, "/engine-rest/deployment/count").json().get("count").asLong()).isEqualTo(before);
    }

    private static HttpResponse<String> tasklistPage() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                .header("X-Forwarded-Proto", "https").GET());
    }

    private static HttpRequest.Builder login(String form) {
        return HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static HttpRequest.Builder webappPost(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** By hand: a Secure cookie set for https is sent back here over the test's plain http. */
    private static Map<String, String> cookies(HttpResponse<?> response) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return cookies;
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
