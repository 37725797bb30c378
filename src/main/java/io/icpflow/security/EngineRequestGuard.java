package io.icpflow.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.web.ProblemHandler;
import io.icpflow.web.ReplayedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The first of two locks on the engine's query expressions (the second, inside the engine, is
 * {@link OrQueryValidation}): every body sent to the engine's REST API or to the webapps' copy of it
 * is read here and checked, and what cannot be checked is refused. It fails closed:
 * <ul>
 *   <li>a body over {@link #MAX_BYTES}, declared or streamed (chunked), is 413;</li>
 *   <li>a JSON body that this reader cannot parse (malformed, nested deeper than {@link #MAX_DEPTH}) is 400;</li>
 *   <li>a JSON body with an {@code …Expression} key inside {@code orQueries}, at any depth, is 400;</li>
 *   <li>a body that is neither JSON nor a multipart upload (deployments, binary variables) is 415.</li>
 * </ul>
 * The engine then reads exactly the bytes that were checked.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class EngineRequestGuard extends OncePerRequestFilter {

    /** Engine calls are queries, task completions and deployments of a few processes. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private final ObjectMapper json;
    private final ObjectMapper reader;

    EngineRequestGuard(ObjectMapper json) {
        this.json = json;
        // its own limits: every string the engine may take (up to the whole body), nesting far
        // deeper than any query; what exceeds them is refused, never passed on unread
        this.reader = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_BYTES).maxNestingDepth(MAX_DEPTH).build()).build())
                // a second value after the first is not one query: refused, never read differently downstream
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !EnginePaths.ENGINE_API.matcher(EnginePaths.of(request)).matches()
                || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            tooLarge(response);
            return;
        }
        if (body.length > 0) {
            String refusal = refusal(request.getContentType(), body);
            if (refusal != null) {
                HttpStatus status = refusal.equals(UNSUPPORTED) ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST;
                ProblemHandler.write(response, json, status, refusal, MESSAGES.get(refusal));
                return;
            }
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private static final String UNSUPPORTED = "UNSUPPORTED_MEDIA_TYPE";
    private static final String UNCHECKABLE = "UNCHECKABLE_BODY";
    private static final String EXPRESSION = "EXPRESSION_IN_QUERY";
    private static final Map<String, String> MESSAGES = Map.of(
            UNSUPPORTED, "The engine API takes JSON or a multipart upload; nothing was run.",
            UNCHECKABLE, "The body could not be read as JSON within the engine API's limits, so it was not passed on; nothing was run.",
            EXPRESSION, "Expressions are not allowed in task queries, also not inside orQueries; nothing was run.");

    /** Null when the body may go on to the engine, else the code of the refusal. */
    String refusal(String contentType, byte[] body) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException malformed) {
            return UNSUPPORTED;
        }
        if (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) {
            return null; // deployments and binary variables; the engine's JSON endpoints refuse multipart themselves
        }
        if (type == null || !isJson(type)) {
            return UNSUPPORTED;
        }
        try {
            return anyExpressionKey(reader.readTree(body), false) ? EXPRESSION : null;
        } catch (IOException unreadable) {
            return UNCHECKABLE;
        }
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
    }

    private static boolean anyExpressionKey(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (anyExpressionKey(element, insideOrQueries)) {
                    return true;
                }
            }
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (insideOrQueries && field.getKey().endsWith("Expression")) {
                return true;
            }
            if (anyExpressionKey(field.getValue(), insideOrQueries || "orQueries".equals(field.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ProblemHandler.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The engine API takes bodies of at most " + MAX_BYTES / 1024 + " KiB; nothing was run.");
    }
}
