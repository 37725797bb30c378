package io.icpflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * No body of {@code /api/**} may exceed 64 KiB (an application with 20 websites is a few KiB), but
 * on a route that declares its own {@link BodyLimit} (an upload): a declared length over the limit
 * is refused at once with 413, and a body that turns out longer while being read is cut off the same
 * way. Nothing is created or changed.
 */
@Component
public class RequestSizeLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;

    private final ObjectMapper json;
    private final List<BodyLimit> routes;

    RequestSizeLimit(ObjectMapper json, List<BodyLimit> routes) {
        this.json = json;
        this.routes = routes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = routes.stream().map(route -> route.limitFor(request)).filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
                .findFirst().orElse(MAX_BYTES);
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        if (limit != MAX_BYTES) {
            // an upload route: the servlet container's multipart limit bounds what it reads (spring.servlet.multipart.*)
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() < 0) {
            // no declared length (chunked): read it here, so that the limit and not a parser's
            // string or depth limit answers a body that is too large
            byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                refuse(response, MAX_BYTES);
                return;
            }
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        try {
            chain.doFilter(new Limited(request), response);
        } catch (TooLarge | ServletException e) {
            if (hasCause(e, TooLarge.class)) {
                if (!response.isCommitted()) {
                    response.reset();
                    refuse(response, MAX_BYTES);
                }
                return;
            }
            throw e;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + limit / 1024 + " KiB; nothing was created or changed.", List.of()));
    }

    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BYTES) {
                            throw new TooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (read += n) > MAX_BYTES) {
                            throw new TooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
