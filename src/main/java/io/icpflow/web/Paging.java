package io.icpflow.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of a list an applicant or operator can make long ({@code ?page=0&size=50}): the body stays the
 * plain list of items, so a client that asks for no page gets the first one in the same shape; the total
 * is {@code X-Total-Count}, and {@code Link} names the next and previous pages (RFC 8288).
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final String TOTAL = "X-Total-Count";

    /** From the query: missing parameters are the first page of {@link #DEFAULT_SIZE}; a bad one is a 400 naming it. */
    public static Paging of(Integer page, Integer size) {
        List<FieldProblem> errors = new ArrayList<>();
        if (page != null && page < 0) {
            errors.add(new FieldProblem("page", "OUT_OF_RANGE", "0 or more (the first page is 0)"));
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            errors.add(new FieldProblem("size", "OUT_OF_RANGE", "1 to " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> ResponseEntity<List<T>> response(String path, List<T> items, long total) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(TOTAL, String.valueOf(total));
        List<String> links = new ArrayList<>();
        if (offset() + items.size() < total) {
            links.add("<" + path + "?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
        }
        if (page > 0) {
            links.add("<" + path + "?page=" + (page - 1) + "&size=" + size + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return ResponseEntity.ok().headers(headers).body(items);
    }
}
