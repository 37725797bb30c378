package io.icpflow.filing;

import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import io.icpflow.web.Ids;
import io.icpflow.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

@RestController
@RequestMapping(path = "/api/filings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Filings", description = "An applicant's ICP filing applications (role icp-applicants, own records only)")
class FilingController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7e]{1,128}$");

    private final FilingService service;
    private final WebsiteChanges websiteChanges;

    FilingController(FilingService service, WebsiteChanges websiteChanges) {
        this.service = service;
        this.websiteChanges = websiteChanges;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply: 201 with the filing; 400 problem with errors[]; 409 APPLICATION_IN_PROGRESS; 429 RATE_LIMITED with Retry-After (icp.limits.filings)")
    ResponseEntity<FilingView> create(Principal user, @RequestBody(required = false) FilingApplication body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid(List.of(new FieldProblem("Idempotency-Key", "INVALID_FORMAT",
                    "1 to 128 printable ASCII characters")));
        }
        FilingService.Created created;
        try {
            created = service.create(user.getName(), body, idempotencyKey);
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            // the same Idempotency-Key raced in: the request that won created the filing; answer with it
            created = service.create(user.getName(), body, idempotencyKey);
        }
        return ResponseEntity.created(URI.create("/api/filings/" + created.view().id())).body(created.view());
    }

    @GetMapping
    @Operation(summary = "The caller's filings, newest first, a page at a time (page from 0, size 1 to 200, default 50): "
            + "the body is the list; X-Total-Count has the total and Link the next and previous pages; a bad page or size is 400")
    ResponseEntity<List<FilingView>> list(Principal user, @RequestParam(name = "page", required = false) Integer page,
                                          @RequestParam(name = "size", required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        FilingService.Listed listed = service.list(user.getName(), paging);
        return paging.response("/api/filings", listed.items(), listed.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One filing with its status, reasons, numbers and timeline; another applicant's filing is 404")
    FilingView get(Principal user, @PathVariable String id) {
        return service.get(user.getName(), Ids.existing("Filing", id));
    }

    @GetMapping("/{id}/application")
    @Operation(summary = "The application as it was last submitted (the body of POST /api/filings or of the last resubmission): "
            + "what a correction starts from; another applicant's filing is 404")
    FilingApplication application(Principal user, @PathVariable String id) {
        return service.application(user.getName(), Ids.existing("Filing", id));
    }

    @PostMapping(path = "/{id}/resubmission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Corrected application; allowed in RETURNED and CA_REJECTED, else 409")
    FilingView resubmit(Principal user, @PathVariable String id, @RequestBody(required = false) FilingApplication body) {
        return service.resubmit(user.getName(), Ids.existing("Filing", id), body);
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw; allowed before the communications administration has the filing, else 409")
    FilingView withdraw(Principal user, @PathVariable String id) {
        return service.withdraw(user.getName(), Ids.existing("Filing", id));
    }

    @PostMapping(path = "/{id}/website-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move an ACTIVE filing's website to another region; leaving the mainland answers 409 "
            + "FILING_MAY_BE_REVOKED (002 §1) until confirmRevocationRisk is true")
    FilingView moveWebsite(Principal user, @PathVariable String id, @RequestBody(required = false) WebsiteChanges.Change change) {
        return websiteChanges.move(user.getName(), Ids.existing("Filing", id), change);
    }


}
