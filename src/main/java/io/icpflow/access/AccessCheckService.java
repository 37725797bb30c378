package io.icpflow.access;

import io.icpflow.calendar.EngineClock;
import io.icpflow.reference.DomainNames;
import io.icpflow.web.ApiException;
import io.icpflow.web.Paging;
import io.icpflow.web.FieldProblem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Starts and shows access checks; the check itself is the process's first step, in the same transaction. */
@Service
public class AccessCheckService {

    public record Request(String domain, Product product) {
    }

    public record View(String id, String domain, Product product, AccessOutcome outcome, OffsetDateTime nextCheckAt,
                       String message) {
    }

    private final AccessCheckRepository checks;
    private final RuntimeService runtime;
    private final DomainNames domainNames;
    private final MessageSource messages;

    AccessCheckService(AccessCheckRepository checks, RuntimeService runtime, DomainNames domainNames, MessageSource messages) {
        this.checks = checks;
        this.runtime = runtime;
        this.domainNames = domainNames;
        this.messages = messages;
    }

    @Transactional
    public View start(String owner, Request request, Locale locale) {
        if (request == null) {
            throw ApiException.invalid(List.of(new FieldProblem("", "REQUIRED", "a JSON body is required")));
        }
        List<FieldProblem> errors = new java.util.ArrayList<>();
        String domain = null;
        if (request.domain() == null || request.domain().isBlank()) {
            errors.add(new FieldProblem("domain", "REQUIRED", "is required"));
        } else {
            domain = domainNames.normalize(request.domain()).map(domainNames::registrableDomain).orElse(null);
            if (domain == null) {
                errors.add(new FieldProblem("domain", "INVALID_DOMAIN", "not a valid domain name (IDN allowed, checked with UTS #46)"));
            }
        }
        if (request.product() == null) {
            errors.add(new FieldProblem("product", "REQUIRED", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String id = UUID.randomUUID().toString();
        checks.insert(id, owner, domain, request.product(), EngineClock.nowInChina());
        runtime.startProcessInstanceByKey(AccessCheckProcess.KEY, id, Map.of(AccessCheckProcess.DOMAIN.name(), domain));
        return view(checks.find(id).orElseThrow(), locale);
    }

    @Transactional(readOnly = true)
    public record Listed(List<View> items, long total) {
    }

    @Transactional(readOnly = true)
    public Listed list(String owner, Paging paging, Locale locale) {
        return new Listed(checks.findByOwner(owner, paging.offset(), paging.size()).stream().map(c -> view(c, locale)).toList(),
                checks.countByOwner(owner));
    }

    public View get(String owner, String id, Locale locale) {
        return checks.findOwned(id, owner).map(c -> view(c, locale))
                .orElseThrow(() -> ApiException.notFound("Access check " + id));
    }

    private View view(AccessCheckRepository.AccessCheck check, Locale locale) {
        return new View(check.id(), check.domain(), check.product(), check.outcome(),
                check.nextCheckAt() == null ? null : EngineClock.inChina(check.nextCheckAt()),
                messages.getMessage("access." + check.outcome(), null, locale));
    }
}
