package io.icpflow.web;

/** One entry of a problem's {@code errors[]} (API.md): which field, a stable code, a readable message. */
public record FieldProblem(String field, String code, String message) {
}
