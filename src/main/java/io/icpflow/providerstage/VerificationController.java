package io.icpflow.providerstage;

import io.icpflow.filing.FilingView;
import io.icpflow.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@RequestMapping(path = "/api/filings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Filings")
class VerificationController {

    private final IdentityVerification verification;

    VerificationController(IdentityVerification verification) {
        this.verification = verification;
    }

    @PostMapping("/{id}/verification")
    @Operation(summary = "New identity-verification sessions for the principals who have not passed (the open ones close); "
            + "allowed in IDENTITY_VERIFICATION, else 409 NOT_AWAITING_VERIFICATION")
    FilingView renew(Principal user, @PathVariable String id) {
        return verification.renew(user.getName(), Ids.existing("Filing", id));
    }
}
