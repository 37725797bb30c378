package io.icpflow.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal the API answers with an RFC 9457 problem; nothing has been changed when it is thrown. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "The request has " + errors.size() + " invalid field(s); nothing was created or changed.", errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found", List.of());
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
