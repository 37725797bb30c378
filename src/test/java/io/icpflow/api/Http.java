package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.materials.MaterialKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain HTTP client for the API tests: exactly what an outside tool would send. */
public final class Http {

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    /** The sample uploads of each user, by kind and category: attached again to every application that needs one. */
    private final Map<String, String> samples = new java.util.concurrent.ConcurrentHashMap<>();

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String user, String path, String jsonBody) {
        return post(user, path, jsonBody, null);
    }

    public Response post(String user, String path, String jsonBody, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody == null ? "" : jsonBody, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(user, request);
    }

    public Response delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response put(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response put(String user, String path, String jsonBody) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)));
    }

    /** API.md's regulator webhook, as the demo user {@code regulator}; null fields are sent as null. */
    public Response notice(String notificationId, String type, String filingId, String icpNumber, String domain, String reason) {
        return post("regulator", "/api/regulator/notifications", noticeBody(notificationId, type, filingId, icpNumber, domain, reason));
    }

    /** A notice with a fresh {@code notificationId}. */
    public Response notice(String type, String filingId, String icpNumber) {
        return notice("n-" + UUID.randomUUID(), type, filingId, icpNumber, null, null);
    }

    public static String noticeBody(String notificationId, String type, String filingId, String icpNumber, String domain, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notificationId);
        body.put("type", type);
        body.put("filingId", filingId);
        body.put("icpNumber", icpNumber);
        body.put("domain", domain);
        body.put("reason", reason);
        return json(body);
    }

    public Response postAs(String user, String path, String body, String contentType) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** {@code POST /api/materials} as a browser's form sends it: multipart with {@code kind}, {@code category} and {@code file}. */
    public Response upload(String user, String kind, String category, String fileName, byte[] bytes, String contentType) {
        String boundary = "----icp" + UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        if (kind != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n");
        }
        if (category != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n" + category + "\r\n");
        }
        if (bytes != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n\r\n");
            body.writeBytes(bytes);
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return send(user, HttpRequest.newBuilder(uri("/api/materials")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** {@code user} is "name" (password = name, the demo convention), "name:password", or null for none. */
    private Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String credentials = user.contains(":") ? user : user + ":" + user;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * The application with a service number for each website and app that has none, as API.md asks a
     * client to get them: the one the filing {@code view} shows at that place, else a new one from the
     * caller's first resource that can still give one ({@code GET /api/resources}, {@code POST /api/service-numbers}).
     */
    public FilingApplication provisioned(String user, FilingApplication app, JsonNode view) {
        FilingApplication numbered = TestData.withServiceNumbers(app, (list, i) -> {
            JsonNode number = view == null ? null : view.path(list).path(i).get("serviceNumber");
            return number == null || number.isNull() ? null : number.asText();
        }, () -> serviceNumber(user));
        return withMaterials(user, numbered);
    }

    /**
     * The materials {@code POST /api/filing-requirements} lists for the application, uploaded once per user
     * and kind ({@code POST /api/materials}) and attached at their places. A body it cannot read is sent as it is.
     */
    public FilingApplication withMaterials(String user, FilingApplication app) {
        if (app == null || app.type() == null || app.subject() == null || app.subject().kind() == null || app.subject().province() == null) {
            return app;
        }
        Response requirements = post(user, "/api/filing-requirements", json(app));
        if (requirements.status() != 200) {
            return app;
        }
        List<TestData.Needed> needed = new java.util.ArrayList<>();
        for (JsonNode m : requirements.json().get("materials")) {
            needed.add(new TestData.Needed(m.get("for").asText(), MaterialKind.valueOf(m.get("kind").asText()),
                    m.get("category").isNull() ? null : m.get("category").asText()));
        }
        return TestData.withMaterials(app, needed, (kind, category) -> samples.computeIfAbsent(user + "|" + kind + "|" + category, key -> {
            Response uploaded = upload(user, kind.name(), category, "sample." + (kind == MaterialKind.COMMITMENT_VIDEO ? "mp4" : "png"),
                    TestData.sample(kind), kind == MaterialKind.COMMITMENT_VIDEO ? "video/mp4" : "image/png");
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            return uploaded.json().get("id").asText();
        }));
    }


    /** A new service number of the caller's, through the API (the next resource when another request took the last of one). */
    public String serviceNumber(String user) {
        for (JsonNode resource : get(user, "/api/resources").json()) {
            if (resource.get("serviceNumbersLeft").asInt() > 0) {
                Response issued = post(user, "/api/service-numbers", json(Map.of("resourceId", resource.get("id").asText())));
                if (issued.status() == 409 && "SERVICE_NUMBER_QUOTA_EXCEEDED".equals(issued.json().path("code").asText())) {
                    continue;
                }
                assertThat(issued.status()).as(issued.body()).isEqualTo(201);
                return issued.json().get("serviceNumber").asText();
            }
        }
        throw new IllegalStateException(user + " has no resource left to give a service number");
    }

    /** The application as JSON, with the service numbers a client gets for it first ({@link #provisioned}). */
    public String json(String user, FilingApplication app) {
        return json(provisioned(user, app, null));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
