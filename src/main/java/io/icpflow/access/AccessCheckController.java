package io.icpflow.access;

import io.icpflow.web.ApiException;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;

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
