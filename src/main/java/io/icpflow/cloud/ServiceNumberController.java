package io.icpflow.cloud;

import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;

@RestController
@Tag(name = "Resources", description = "The caller's cloud resources and the service numbers they give (备案服务号; 002 §6, §9)")
class ServiceNumberController {

    record IssueRequest(String resourceId) {
    }

    private final ServiceNumbers numbers;

    ServiceNumberController(ServiceNumbers numbers) {
        this.numbers = numbers;
    }

    @GetMapping(path = "/api/resources", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's cloud resources with the service numbers each can still give")
    List<ServiceNumbers.ResourceView> resources(Principal user) {
        return numbers.resourcesOf(user.getName());
    }

    @PostMapping(path = "/api/service-numbers", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A service number from one of the caller's resources: 201; 409 RESOURCE_NOT_ELIGIBLE or "
            + "SERVICE_NUMBER_QUOTA_EXCEEDED; another caller's or an unknown resource 404; 429 RATE_LIMITED with Retry-After")
    ResponseEntity<ServiceNumbers.Issued> issue(Principal user, @RequestBody(required = false) IssueRequest body) {
        if (body == null || body.resourceId() == null || body.resourceId().isBlank() || body.resourceId().length() > 64) {
            throw ApiException.invalid(List.of(new FieldProblem("resourceId", "REQUIRED", "one of GET /api/resources")));
        }
        ServiceNumbers.Issued issued = numbers.issue(user.getName(), body.resourceId());
        return ResponseEntity.created(URI.create("/api/service-numbers/" + issued.serviceNumber())).body(issued);
    }

    @GetMapping(path = "/api/service-numbers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's service numbers with their status (UNUSED, IN_USE, USED) and the filing that uses each")
    List<ServiceNumbers.ServiceNumber> list(Principal user) {
        return numbers.numbersOf(user.getName());
    }
}
