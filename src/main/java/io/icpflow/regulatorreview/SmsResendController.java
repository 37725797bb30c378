package io.icpflow.regulatorreview;

import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingRepository;
import io.icpflow.filing.FilingStatus;
import io.icpflow.regulator.RegulatorGateway;
import io.icpflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** The applicant asks MIIT for a new SMS code while the check runs, as MIIT's SMS rules allow. */
@RestController
class SmsResendController {

    record Resent(String filingId, List<String> sentTo) {
    }

    private final FilingRepository filings;
    private final SmsRules smsRules;
    private final RegulatorGateway regulator;

    SmsResendController(FilingRepository filings, SmsRules smsRules, RegulatorGateway regulator) {
        this.filings = filings;
        this.smsRules = smsRules;
        this.regulator = regulator;
    }

    @PostMapping(path = "/api/filings/{id}/sms-resend", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask MIIT to text the principals a new verification code (status SMS_VERIFICATION only; "
            + "the 24 hours are not extended)")
    @Transactional
    Resent resend(Principal user, @PathVariable String id) {
        Filing filing = filings.findOwned(id, user.getName()).orElseThrow(() -> ApiException.notFound("Filing " + id));
        if (filing.status() != FilingStatus.SMS_VERIFICATION) {
            throw ApiException.conflict("NOT_IN_SMS_VERIFICATION",
                    "A new SMS code can be asked for only while MIIT's SMS check runs; this filing is " + filing.status());
        }
        boolean allowed = smsRules.rule(filing).map(rule -> rule.value().path("resend").asBoolean()).orElse(false);
        if (!allowed) {
            throw ApiException.conflict("SMS_RESEND_NOT_ALLOWED", "MIIT's SMS rules in force do not allow sending the code again");
        }
        List<String> principals = smsRules.principals(filing);
        regulator.resendSmsCode(id, principals);
        return new Resent(id, principals);
    }
}
