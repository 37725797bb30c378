package io.icpflow.verification;

import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import io.icpflow.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RestController
@RequestMapping(path = "/api/verification/results", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Identity verification results", description = "The verification service's results (role icp-verifier)")
class VerificationResultController {

    private static final Pattern ID = Pattern.compile("^[\\x21-\\x7e]{1,128}$");

    private final VerificationInbox inbox;

    VerificationResultController(VerificationInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive a result: 202 applied, 200 the same resultId again (no second effect), "
            + "409 VERIFICATION_SESSION_UNKNOWN or VERIFICATION_SESSION_CLOSED (kept)")
    ResponseEntity<?> receive(@RequestBody(required = false) VerificationResult result) {
        validate(result);
        VerificationOutcome outcome;
        try {
            outcome = inbox.receive(result);
        } catch (DuplicateKeyException sameIdAtTheSameTime) {
            VerificationOutcome first = inbox.earlier(result.resultId()).orElseThrow(() -> sameIdAtTheSameTime);
            outcome = new VerificationOutcome(first.resultId(), VerificationOutcome.Result.DUPLICATE, first.sessionId(), first.filingId(),
                    "received concurrently; applied once");
        }
        return switch (outcome.outcome()) {
            case APPLIED -> ResponseEntity.accepted().body(outcome);
            case DUPLICATE -> ResponseEntity.ok(outcome);
            case UNKNOWN_SESSION, SESSION_CLOSED -> {
                String code = outcome.outcome() == VerificationOutcome.Result.UNKNOWN_SESSION
                        ? "VERIFICATION_SESSION_UNKNOWN" : "VERIFICATION_SESSION_CLOSED";
                ProblemDetail problem = ProblemHandler.problem(HttpStatus.CONFLICT, code, outcome.detail(), List.of());
                problem.setProperty("resultId", outcome.resultId());
                problem.setProperty("outcome", outcome.outcome());
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
        };
    }

    private static void validate(VerificationResult result) {
        if (result == null) {
            throw ApiException.invalid(List.of(new FieldProblem("", "REQUIRED", "a JSON body is required")));
        }
        List<FieldProblem> errors = new ArrayList<>();
        id(result.resultId(), "resultId", errors);
        id(result.sessionId(), "sessionId", errors);
        if (result.passed() == null) {
            errors.add(new FieldProblem("passed", "REQUIRED", "true or false"));
        }
        if (result.reason() != null && result.reason().length() > 500) {
            errors.add(new FieldProblem("reason", "TOO_LONG", "at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void id(String value, String field, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "REQUIRED", "is required"));
        } else if (!ID.matcher(value).matches()) {
            errors.add(new FieldProblem(field, "INVALID_FORMAT", "1 to 128 printable ASCII characters"));
        }
    }
}
