package io.icpflow.regulator;

import io.icpflow.registry.IcpNumber;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import io.icpflow.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RestController
@RequestMapping("/api/regulator/notifications")
@Tag(name = "Regulator webhook", description = "Decisions and notices from the communications administration and MIIT (role icp-regulator)")
class RegulatorWebhookController {

    /** How long a notice may wait for its filing to reach the step that expects it. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final NoticeInbox inbox;

    RegulatorWebhookController(NoticeInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping
    @Operation(summary = "Receive a notice: 202 applied, 200 duplicate (no second effect), 409 fits no waiting filing (kept)")
    ResponseEntity<?> receive(@RequestBody RegulatorNotice notice) {
        validate(notice);
        NoticeOutcome outcome;
        try {
            outcome = receiveWithPatience(notice);
        } catch (DuplicateKeyException collision) {
            // a duplicate only if this notificationId was stored meanwhile (the same notice posted twice at
            // once); otherwise the registry refused its effect, e.g. a domain another filing holds: kept
            Optional<NoticeOutcome> first = inbox.earlier(notice.notificationId());
            outcome = first.isPresent()
                    ? new NoticeOutcome(notice.notificationId(), NoticeOutcome.Result.DUPLICATE, first.get().filingId(),
                            "received concurrently; applied once")
                    : inbox.keepConflicting(notice, "the registry refused it: " + rootMessage(collision));
        }
        return switch (outcome.outcome()) {
            case APPLIED -> ResponseEntity.accepted().body(outcome);
            case DUPLICATE -> ResponseEntity.ok(outcome);
            case UNMATCHED, CONFLICT -> {
                String code = outcome.outcome() == NoticeOutcome.Result.CONFLICT ? "NOTICE_CONFLICT" : "NOTICE_UNMATCHED";
                ProblemDetail problem = ProblemHandler.problem(HttpStatus.CONFLICT, code, outcome.detail(), List.of());
                problem.setProperty("notificationId", outcome.notificationId());
                problem.setProperty("outcome", outcome.outcome());
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
        };
    }

    /** A notice that overtook its filing is tried again until the filing reaches the wait or stops moving. */
    private NoticeOutcome receiveWithPatience(RegulatorNotice notice) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<NoticeOutcome> outcome = inbox.receiveUnlessMoving(notice);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return inbox.receive(notice);
    }

    private static void validate(RegulatorNotice notice) {
        List<FieldProblem> errors = new ArrayList<>();
        if (notice == null) {
            throw ApiException.invalid(List.of(new FieldProblem("", "REQUIRED", "a JSON body is required")));
        }
        if (blank(notice.notificationId())) {
            errors.add(new FieldProblem("notificationId", "REQUIRED", "is required"));
        } else if (notice.notificationId().length() > 128) {
            errors.add(new FieldProblem("notificationId", "TOO_LONG", "at most 128 characters"));
        }
        if (notice.type() == null) {
            errors.add(new FieldProblem("type", "REQUIRED", "is required"));
        } else {
            switch (notice.type()) {
                case SMS_VERIFIED, SMS_FAILED -> require(notice.filingId(), "filingId", errors);
                case FILING_APPROVED -> {
                    require(notice.filingId(), "filingId", errors);
                    require(notice.icpNumber(), "icpNumber", errors);
                }
                case FILING_REJECTED -> {
                    require(notice.filingId(), "filingId", errors);
                    require(notice.reason(), "reason", errors);
                }
                case FILING_SYNCED -> {
                    if (blank(notice.filingId()) && blank(notice.icpNumber())) {
                        errors.add(new FieldProblem("filingId", "REQUIRED", "filingId or icpNumber is required"));
                    }
                }
                case ICP_NUMBER_CANCELLED -> require(notice.icpNumber(), "icpNumber", errors);
                case FILING_INVALID -> {
                    require(notice.icpNumber(), "icpNumber", errors);
                    require(notice.domain(), "domain", errors);
                }
            }
        }
        if (!blank(notice.icpNumber()) && !IcpNumber.isValid(notice.icpNumber())) {
            errors.add(new FieldProblem("icpNumber", "INVALID_FORMAT",
                    "an ICP number such as 浙ICP备2026012345号, or a website or app number under it (…号-1, …号-2A)"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void require(String value, String field, List<FieldProblem> errors) {
        if (blank(value)) {
            errors.add(new FieldProblem(field, "REQUIRED", "is required for this type"));
        } else if (value.length() > 200) {
            errors.add(new FieldProblem(field, "TOO_LONG", "at most 200 characters"));
        }
    }

    /** The constraint that refused it, not the SQL: enough for operations to find the other filing. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
