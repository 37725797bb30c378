package io.icpflow.access;

import io.icpflow.web.ApiException;
import io.icpflow.web.Paging;
import io.icpflow.web.Languages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@RestController
@RequestMapping(path = "/api/access-checks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access checks", description = "May a product connect this domain? (000)")
class AccessCheckController {

    private final AccessCheckService service;

    AccessCheckController(AccessCheckService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "201 with outcome ALLOWED, NOT_FILED or WAITING_FOR_SYNC (re-checked every 24 hours; nextCheckAt); 429 RATE_LIMITED with Retry-After")
    ResponseEntity<AccessCheckService.View> start(Principal user, @RequestBody(required = false) AccessCheckService.Request request,
                                                  @RequestHeader(name = "Accept-Language", required = false) String language) {
        AccessCheckService.View view = service.start(user.getName(), request, Languages.fromAcceptLanguage(language));
        return ResponseEntity.created(URI.create("/api/access-checks/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "The caller's access checks, newest first, a page at a time (page from 0, size 1 to 200, default 50; "
            + "X-Total-Count, Link)")
    ResponseEntity<List<AccessCheckService.View>> list(Principal user, @RequestParam(name = "page", required = false) Integer page,
                                                       @RequestParam(name = "size", required = false) Integer size,
                                                       @RequestHeader(name = "Accept-Language", required = false) String language) {
        Paging paging = Paging.of(page, size);
        AccessCheckService.Listed listed = service.list(user.getName(), paging, Languages.fromAcceptLanguage(language));
        return paging.response("/api/access-checks", listed.items(), listed.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The check as it moves on")
    AccessCheckService.View get(Principal user, @PathVariable String id,
                                @RequestHeader(name = "Accept-Language", required = false) String language) {
        if (!id.matches("^[0-9a-f-]{36}$")) {
            throw ApiException.notFound("Access check " + id);
        }
        return service.get(user.getName(), id, Languages.fromAcceptLanguage(language));
    }
}
