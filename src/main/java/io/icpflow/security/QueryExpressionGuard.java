package io.icpflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.web.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CVE-2026-109432: the engine refuses expressions in ad-hoc task queries, but an expression key
 * inside {@code orQueries} slipped past that check and was evaluated. Every query body sent to the
 * engine's REST API or to the webapps' copy of it ({@code /camunda/api/engine/**}) is read here
 * first, and one with an {@code …Expression} key anywhere inside an {@code orQueries} array is
 * refused with 400 before the engine sees it. Saved Tasklist filters are covered too: their query
 * travels in the same body shape.
 */
@Component
class QueryExpressionGuard extends OncePerRequestFilter {

    private static final Pattern ENGINE_API = Pattern.compile("^/(engine-rest|camunda/api/engine)/.*");
    /** Query bodies are small; a bigger one is not a query and is not buffered. */
    private static final int MAX_BUFFERED_BYTES = 1024 * 1024;

    private final ObjectMapper json;

    QueryExpressionGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !ENGINE_API.matcher(path).matches()
                || !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BUFFERED_BYTES) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BUFFERED_BYTES);
        if (hasExpressionInOrQueries(body)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemHandler.problem(HttpStatus.BAD_REQUEST, "EXPRESSION_IN_QUERY",
                    "Expressions are not allowed in task queries, also not inside orQueries; nothing was run.", List.of()));
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    boolean hasExpressionInOrQueries(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try {
            return anyExpressionKey(json.readTree(body), false);
        } catch (IOException notJson) {
            return false; // the engine answers malformed JSON itself
        }
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

    /** The body, read once to be checked, handed on to the engine as if unread. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
