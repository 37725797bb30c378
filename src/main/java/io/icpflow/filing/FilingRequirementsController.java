package io.icpflow.filing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.icpflow.calendar.EngineClock;
import io.icpflow.reference.Provinces;
import io.icpflow.rules.Rule;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Filings")
class FilingRequirementsController {

    /** One material the application needs (API.md): {@code for} is "subject", "websites[0]" or "apps[0]". */
    record MaterialNeeded(String kind, @JsonProperty("for") String place, String category, String rule, String source) {
    }

    record Verification(boolean required, List<String> who) {
    }

    record Requirements(List<MaterialNeeded> materials, Verification verification) {
    }

    private final MaterialRequirements materials;
    private final IdentityVerificationRules verification;
    private final Provinces provinces;

    FilingRequirementsController(MaterialRequirements materials, IdentityVerificationRules verification, Provinces provinces) {
        this.materials = materials;
        this.verification = verification;
        this.provinces = provinces;
    }

    @PostMapping(path = "/api/filing-requirements", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What the pre-checks will ask of this application (a filing body; ids, materials and service numbers may be "
            + "missing): the materials with the rule and source of each, and who passes identity verification")
    Requirements requirements(@RequestBody(required = false) FilingApplication body) {
        List<FieldProblem> errors = new ArrayList<>();
        if (body == null || body.type() == null) {
            errors.add(new FieldProblem("type", "REQUIRED", "is required"));
        }
        if (body == null || body.subject() == null || body.subject().kind() == null) {
            errors.add(new FieldProblem("subject.kind", "REQUIRED", "is required"));
        }
        if (body == null || body.subject() == null || body.subject().province() == null || provinces.find(body.subject().province()).isEmpty()) {
            errors.add(new FieldProblem("subject.province", "REQUIRED", "an ISO 3166-2:CN code of a mainland province"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        LocalDate today = EngineClock.todayInChina();
        List<MaterialNeeded> needed = materials.of(body, today).stream()
                .map(r -> new MaterialNeeded(r.kind().name(), r.place(), r.category(), r.rule().id(), source(r.rule())))
                .toList();
        List<String> who = verification.principals(body.type(), body.subject().province(), today);
        return new Requirements(needed, new Verification(!who.isEmpty(), who));
    }

    private static String source(Rule rule) {
        return rule.source().title() + " " + rule.source().url();
    }
}
