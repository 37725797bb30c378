package io.icpflow.access;

import io.icpflow.reference.DomainNames;
import io.icpflow.web.ApiException;
import io.icpflow.web.Languages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@Tag(name = "Diagnosis", description = "Why a filed domain does not resolve (001)")
class DiagnosisController {

    private final DomainDiagnosis diagnosis;
    private final DomainNames domainNames;

    DiagnosisController(DomainDiagnosis diagnosis, DomainNames domainNames) {
        this.diagnosis = diagnosis;
        this.domainNames = domainNames;
    }

    @GetMapping(path = "/api/domains/{domain}/diagnosis", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Findings with advice (zh-CN by default; Accept-Language: en); a domain filed here under another account is 404")
    DomainDiagnosis.Diagnosis diagnose(Principal user, @PathVariable String domain,
                                       @RequestHeader(name = "Accept-Language", required = false) String language) {
        String ascii = domainNames.normalize(domain).orElseThrow(() -> ApiException.notFound("Domain " + domain));
        return diagnosis.diagnose(user.getName(), ascii, Languages.fromAcceptLanguage(language)).orElseThrow(() -> ApiException.notFound("Domain " + domain));
    }
}
