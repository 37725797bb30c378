package io.icpflow.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session as plain HTTP: cookies kept, redirects not followed, extra headers as a
 * browser would send them. Logs in to the staff pages (form login with CSRF) or to the webapps
 * (Camunda's login with its XSRF token).
 */
final class WebSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String xsrfToken;

    WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The staff pages' form login; the answer is the login's own (302 to the page, or back to the form). */
    Http.Response loginToPages(String user, String password) {
        Http.Response form = get("/login");
        Matcher csrf = CSRF_INPUT.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token in the login page: " + form.body());
        }
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf.group(1)))));
    }

    /** Camunda's webapp login for {@code app} (tasklist, cockpit, admin, welcome, or any name). */
    Http.Response loginToWebapp(String app, String user, String password) {
        Http.Response page = get("/camunda/app/tasklist/default/");
        xsrfToken = page.header("X-XSRF-TOKEN");
        Http.Response login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrfToken)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
        // a new session after login comes with a new token, as Tasklist fetches it on its next call
        Http.Response next = get("/camunda/api/admin/auth/user/default");
        if (next.header("X-XSRF-TOKEN") != null) {
            xsrfToken = next.header("X-XSRF-TOKEN");
        }
        return login;
    }

    boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).anyMatch(name::equals);
    }

    Http.Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A JSON POST as the webapps send it, with their XSRF token. */
    Http.Response postJson(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (xsrfToken != null) {
            request.header("X-XSRF-TOKEN", xsrfToken);
        }
        return send(request);
    }

    Http.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
